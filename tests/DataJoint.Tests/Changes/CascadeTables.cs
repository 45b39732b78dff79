namespace DataJoint.Tests.Changes;

/// <summary>Shared rows for the cascade fixtures.</summary>
internal static class CascadeTables
{
    /// <summary>Two labs × two animals × two recordings × three channels × two spikes.</summary>
    public static void Fill(Schema schema)
    {
        schema.Table<Lab>().Insert([new Lab.Row { Lab = "a" }, new Lab.Row { Lab = "b" }]);
        schema.Table<Animal>().Insert(from lab in new[] { "a", "b" } from n in new[] { 1, 2 } select new Animal.Row { Lab = lab, Animal = n });
        schema.Table<Recording>().Insert(from a in schema.Table<Animal>().FetchKeys() from r in new[] { 1, 2 }
                                         select new Recording.Row { Lab = a.Lab, Animal = a.Animal, Recording = r });
        schema.Table<Recording.Channel>().Insert(from r in schema.Table<Recording>().FetchKeys() from c in new[] { 1, 2, 3 }
                                                 select new Recording.Channel.Row { Lab = r.Lab, Animal = r.Animal, Recording = r.Recording, Channel = c });
        schema.Table<Spike>().Insert(from c in schema.Table<Recording.Channel>().FetchKeys() from s in new[] { 1, 2 }
                                     select new Spike.Row { Lab = c.Lab, Animal = c.Animal, Recording = c.Recording, Channel = c.Channel, Spike = s });
    }
}

[Definition("""
    lab : varchar(16)
    """)]
public partial class Lab : Manual;

[Definition("""
    -> Lab
    animal : int32
    """)]
public partial class Animal : Manual;

[Definition("""
    -> Animal
    recording : int32
    """)]
public partial class Recording : Manual
{
    [Definition("""
        -> master
        channel : int32
        """)]
    public partial class Channel : Part;
}

[Definition("""
    -> Recording.Channel
    spike : int32
    """)]
public partial class Spike : Manual;

[Definition("""
    # a renamed reference: the buddy of an animal
    -> Animal
    ---
    -> Animal.proj(buddy_lab='lab', buddy='animal')
    """)]
public partial class Pairing : Manual;

[Definition("""
    rig : int32
    """)]
public partial class Rig : Manual;

[Definition("""
    -> Lab
    sitting : int32
    """)]
public partial class Sitting : Manual
{
    /// <summary>A part that also refers to a table outside its master: deleting a rig reaches it without the master.</summary>
    [Definition("""
        -> master
        -> Rig
        """)]
    public partial class RigUse : Part;
}

[Definition("""
    # two tables with the same enum value set share one PostgreSQL enum type
    mood_id : int32
    ---
    mood : enum('calm', 'busy')
    """)]
public partial class Mood : Manual;

[Definition("""
    other_mood_id : int32
    ---
    mood : enum('calm', 'busy')
    """)]
public partial class OtherMood : Manual;

[Definition("""
    # a visit that may name no lab: deleting every lab takes only the visits that name one
    visit : int32
    ---
    -> [nullable] Lab
    """)]
public partial class Visit : Manual;
