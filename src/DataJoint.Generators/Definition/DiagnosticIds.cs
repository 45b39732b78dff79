namespace DataJoint.Definition;

/// <summary>
/// Diagnostic ids, by range: DJ0xxx definition syntax, DJ1xxx declaration shape, DJ2xxx references and
/// graph, DJ3xxx usage (thread-safety), DJ9999 internal errors.
/// </summary>
internal static class DiagnosticIds
{
    public const string MissingColon = "DJ0001";
    public const string BadAttributeName = "DJ0002";
    public const string MissingType = "DJ0003";
    public const string UnknownType = "DJ0004";
    public const string EmptyDefault = "DJ0005";
    public const string ReservedComment = "DJ0006";
    public const string BadForeignKey = "DJ0007";
    public const string BadForeignKeyOption = "DJ0008";
    public const string NullablePrimaryDependency = "DJ0009";
    public const string BadIndex = "DJ0010";
    public const string NullablePrimaryKey = "DJ0011";
    public const string BlobDefault = "DJ0012";
    public const string DuplicateAttribute = "DJ0013";
    public const string NativeType = "DJ0014";
    public const string UnsignedType = "DJ0015";
    public const string BadEnum = "DJ0016";
    public const string UnknownIndexAttribute = "DJ0017";
    public const string InvalidDefault = "DJ0018";
    public const string BlobInKey = "DJ0019";
    public const string UnterminatedQuote = "DJ0020";
    public const string AttributeNameTooLong = "DJ0021";
    public const string SqlReservedWord = "DJ0022";
    public const string CodecNeedsStore = "DJ0023";
    public const string UnknownCodec = "DJ0024";

    public const string NotPartial = "DJ1001";
    public const string WrongBase = "DJ1002";
    public const string NonConstantDefinition = "DJ1003";
    public const string PartNotNested = "DJ1004";
    public const string TableNameTooLong = "DJ1005";
    public const string MissingMake = "DJ1006";
    public const string InvalidClassName = "DJ1007";
    public const string NewKeyInAutoPopulated = "DJ1008";

    public const string UnknownParent = "DJ2001";
    public const string CircularReference = "DJ2002";
    public const string MasterOutsidePart = "DJ2003";
    public const string UnknownRenamedAttribute = "DJ2004";
    public const string AmbiguousParent = "DJ2005";
    public const string KeyTypeClash = "DJ2006";

    public const string GlobalStateInThreadSafeMode = "DJ3001";
    public const string StaticHandleInThreadSafeMode = "DJ3002";
    public const string NonConstantStringRestriction = "DJ3003";

    public const string Internal = "DJ9999";
}
