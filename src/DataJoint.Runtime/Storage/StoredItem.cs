namespace DataJoint;

/// <summary>An object found in a store: its path relative to the store's location, and its size in bytes.</summary>
public readonly record struct StoredItem(string Path, long Size);
