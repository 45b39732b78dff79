namespace DataJoint.Benchmarks.Comparison;

// The tables of benchmarks/python/bench.py, declared identically on the .NET side.

[Definition("""
    join_id : int32
    ---
    left_value : int32
    """)]
public partial class CmpLeft : Manual;

[Definition("""
    -> CmpLeft
    ---
    right_value : float64
    """)]
public partial class CmpRight : Manual;

[Definition("""
    parent_id : int32
    ---
    name : varchar(16)
    """)]
public partial class CmpParent : Manual;

[Definition("""
    -> CmpParent
    child : int16
    ---
    weight : float64
    """)]
public partial class CmpChild : Manual;

[Definition("""
    -> CmpChild
    ---
    note : varchar(16)
    """)]
public partial class CmpGrandchild : Manual;

/// <summary>The join and cascade rows, the same as bench.py's.</summary>
public static class ComparisonData
{
    public const int JoinRows = 10_000;
    public const int Parents = 2_000;
    public const int ChildrenPerParent = 5;

    public static void FillJoin(Schema schema)
    {
        schema.Table<CmpLeft>().Insert(Enumerable.Range(1, JoinRows).Select(i => new CmpLeft.Row { JoinId = i, LeftValue = i }));
        schema.Table<CmpRight>().Insert(Enumerable.Range(1, JoinRows).Select(i => new CmpRight.Row { JoinId = i, RightValue = i / 4.0 }));
    }

    /// <summary>2,000 parents, 10,000 children, 10,000 grandchildren: the 22,000 rows a cascade deletes.</summary>
    public static void FillCascade(Schema schema)
    {
        schema.Table<CmpParent>().Insert(Enumerable.Range(1, Parents).Select(p => new CmpParent.Row { ParentId = p, Name = "p" + p }));
        var children = Enumerable.Range(1, Parents)
            .SelectMany(p => Enumerable.Range(0, ChildrenPerParent).Select(c => (Parent: p, Child: (short)c))).ToList();
        schema.Table<CmpChild>().Insert(children.Select(c => new CmpChild.Row { ParentId = c.Parent, Child = c.Child, Weight = c.Parent + c.Child / 10.0 }));
        schema.Table<CmpGrandchild>().Insert(children.Select(c => new CmpGrandchild.Row { ParentId = c.Parent, Child = c.Child, Note = "n" }));
    }
}
