namespace DataJoint;

/// <summary>A table whose rows users enter. Declare with <c>[Definition("...")] partial class X : Manual</c>.</summary>
public abstract class Manual : UserTable;
