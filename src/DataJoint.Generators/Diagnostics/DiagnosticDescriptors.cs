using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using DataJoint.Definition;

namespace DataJoint.Generators.Diagnostics;

/// <summary>The catalog of every DataJoint diagnostic. Messages are composed where the problem is found.</summary>
internal static class DiagnosticDescriptors
{
    private const string HelpBase = "https://github.com/datajoint-dotnet/datajoint-dotnet/blob/main/docs/diagnostics/";

    /// <summary>The category of the usage diagnostics (DJ3xxx), which the thread-safety and restriction analyzers report.</summary>
    public const string UsageCategory = "DataJoint.Usage";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new();

    public static readonly DiagnosticDescriptor MissingColon = Error(DiagnosticIds.MissingColon, "Definition line is not an attribute, foreign key or index", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BadAttributeName = Error(DiagnosticIds.BadAttributeName, "Invalid attribute name", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor MissingType = Error(DiagnosticIds.MissingType, "Attribute has no type", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor UnknownType = Error(DiagnosticIds.UnknownType, "Unsupported attribute type", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor EmptyDefault = Error(DiagnosticIds.EmptyDefault, "Empty default value", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor ReservedComment = Error(DiagnosticIds.ReservedComment, "Comment starts with the reserved ':'", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BadForeignKey = Error(DiagnosticIds.BadForeignKey, "Malformed foreign key", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BadForeignKeyOption = Error(DiagnosticIds.BadForeignKeyOption, "Invalid foreign key option", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor NullablePrimaryDependency = Error(DiagnosticIds.NullablePrimaryDependency, "Nullable foreign key in the primary key", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BadIndex = Error(DiagnosticIds.BadIndex, "Malformed index", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor NullablePrimaryKey = Error(DiagnosticIds.NullablePrimaryKey, "Nullable primary-key attribute", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BlobDefault = Error(DiagnosticIds.BlobDefault, "Default on a blob attribute", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor DuplicateAttribute = Error(DiagnosticIds.DuplicateAttribute, "Duplicate attribute", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor NativeType = Warning(DiagnosticIds.NativeType, "Native SQL type is not portable", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor UnsignedType = Error(DiagnosticIds.UnsignedType, "Unsigned core types do not exist", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BadEnum = Error(DiagnosticIds.BadEnum, "Malformed enum", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor UnknownIndexAttribute = Error(DiagnosticIds.UnknownIndexAttribute, "Index names an unknown attribute", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor InvalidDefault = Error(DiagnosticIds.InvalidDefault, "Invalid default value", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor UnterminatedQuote = Error(DiagnosticIds.UnterminatedQuote, "Unterminated quote", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor AttributeNameTooLong = Error(DiagnosticIds.AttributeNameTooLong, "Attribute name too long", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor SqlReservedWord = Warning(DiagnosticIds.SqlReservedWord, "Attribute named like an SQL reserved word", "DataJoint.Syntax");
    public static readonly DiagnosticDescriptor BlobInKey = Error(DiagnosticIds.BlobInKey, "Blob or JSON attribute in the primary key", "DataJoint.Syntax");

    public static readonly DiagnosticDescriptor NotPartial = Error(DiagnosticIds.NotPartial, "Table class must be partial", "DataJoint.Declaration");
    public static readonly DiagnosticDescriptor WrongBase = Error(DiagnosticIds.WrongBase, "Table class must derive from a DataJoint tier", "DataJoint.Declaration");
    public static readonly DiagnosticDescriptor NonConstantDefinition = Error(DiagnosticIds.NonConstantDefinition, "Definition must be a constant string", "DataJoint.Declaration");
    public static readonly DiagnosticDescriptor PartNotNested = Error(DiagnosticIds.PartNotNested, "Part table must be nested in its master", "DataJoint.Declaration");
    public static readonly DiagnosticDescriptor TableNameTooLong = Error(DiagnosticIds.TableNameTooLong, "Table name too long", "DataJoint.Declaration");
    public static readonly DiagnosticDescriptor MissingMake = Error(DiagnosticIds.MissingMake, "Auto-populated table has no Make method", "DataJoint.Declaration");
    public static readonly DiagnosticDescriptor InvalidClassName = Error(DiagnosticIds.InvalidClassName, "Invalid table class name", "DataJoint.Declaration");

    public static readonly DiagnosticDescriptor NewKeyInAutoPopulated = Error(DiagnosticIds.NewKeyInAutoPopulated, "Auto-populated table adds primary-key attributes", "DataJoint.Declaration");

    public static readonly DiagnosticDescriptor UnknownParent = Error(DiagnosticIds.UnknownParent, "Foreign key references an unknown table", "DataJoint.References");
    public static readonly DiagnosticDescriptor CircularReference = Error(DiagnosticIds.CircularReference, "Circular foreign keys", "DataJoint.References");
    public static readonly DiagnosticDescriptor MasterOutsidePart = Error(DiagnosticIds.MasterOutsidePart, "'-> master' outside a part table", "DataJoint.References");
    public static readonly DiagnosticDescriptor UnknownRenamedAttribute = Error(DiagnosticIds.UnknownRenamedAttribute, "Renamed attribute is not in the parent's primary key", "DataJoint.References");
    public static readonly DiagnosticDescriptor AmbiguousParent = Error(DiagnosticIds.AmbiguousParent, "Ambiguous foreign key reference", "DataJoint.References");

    public static readonly DiagnosticDescriptor KeyTypeClash = Error(DiagnosticIds.KeyTypeClash, "Inherited attribute with conflicting types", "DataJoint.References");

    public static readonly DiagnosticDescriptor GlobalStateInThreadSafeMode = Error(DiagnosticIds.GlobalStateInThreadSafeMode, "Global DataJoint state in a thread-safe project", UsageCategory);
    public static readonly DiagnosticDescriptor StaticHandleInThreadSafeMode = Warning(DiagnosticIds.StaticHandleInThreadSafeMode, "Instance or table handle in a static mutable field", UsageCategory);
    public static readonly DiagnosticDescriptor NonConstantStringRestriction = Warning(DiagnosticIds.NonConstantStringRestriction, "Non-constant string used as a SQL restriction", UsageCategory);

    public static readonly DiagnosticDescriptor Internal = Error(DiagnosticIds.Internal, "Internal error in the DataJoint generator or analyzer", "DataJoint.Internal");

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    private static DiagnosticDescriptor Error(string id, string title, string category) => Add(id, title, category, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string category) => Add(id, title, category, DiagnosticSeverity.Warning);

    private static DiagnosticDescriptor Add(string id, string title, string category, DiagnosticSeverity severity)
    {
        var descriptor = new DiagnosticDescriptor(id, title, "{0}", category, severity, isEnabledByDefault: true,
            helpLinkUri: HelpBase + id + ".md");
        ById[id] = descriptor;
        return descriptor;
    }
}
