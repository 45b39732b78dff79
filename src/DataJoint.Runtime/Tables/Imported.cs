namespace DataJoint;

/// <summary>A table whose rows <c>Make</c> imports from outside the database (SQL name prefixed with <c>_</c>).</summary>
public abstract class Imported : AutoPopulated;
