namespace DataJoint;

/// <summary>
/// A detail table nested in its master's class; <c>-> master</c> refers to the master. Its SQL name is
/// <c>master__part</c>.
/// </summary>
public abstract class Part : UserTable;
