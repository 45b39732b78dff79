using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using DataJoint.Definition;

namespace DataJoint.Generators.Diagnostics;

/// <summary>
/// The catalog of every DataJoint diagnostic: id, title, category, severity, a description (the summary of its page) and
/// the help link to <c>docs/diagnostics/&lt;id&gt;.md</c>. Messages are composed where the problem is found.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string HelpBase = "https://github.com/datajoint-dotnet/datajoint-dotnet/blob/main/docs/diagnostics/";

    /// <summary>The category of the usage diagnostics (DJ3xxx), which the thread-safety and restriction analyzers report.</summary>
    public const string UsageCategory = "DataJoint.Usage";

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new();

    public static readonly DiagnosticDescriptor MissingColon = Error(DiagnosticIds.MissingColon, "Definition line is not an attribute, foreign key or index", "DataJoint.Syntax",
        "A line that is not a comment, '---', a foreign key ('-> Parent') or an index has no ':' separating the attribute name from its type. Write 'name : type', e.g. 'subject_id : int32', or '-> Subject' for a foreign key.");

    public static readonly DiagnosticDescriptor BadAttributeName = Error(DiagnosticIds.BadAttributeName, "Invalid attribute name", "DataJoint.Syntax",
        "An attribute name is not lowercase letters, digits and '_' starting with a letter. Names starting with '_' are reserved for hidden platform attributes ('_job_start_time', ...). Use snake_case: 'subject_id : int32' (the generated property is still 'SubjectId').");

    public static readonly DiagnosticDescriptor MissingType = Error(DiagnosticIds.MissingType, "Attribute has no type", "DataJoint.Syntax",
        "Nothing follows the ':' of an attribute line. Add a type after the colon: 'species : varchar(32)'.");

    public static readonly DiagnosticDescriptor UnknownType = Error(DiagnosticIds.UnknownType, "Unsupported attribute type", "DataJoint.Syntax",
        "The type is neither a DataJoint core type, a codec '<name>'/'<name@store>', nor a recognised native SQL type. The message suggests the closest core type when the text looks like a typo. Use a core type: int8, int16, int32, int64, float32, float64, decimal(p,s), bool, char(n), varchar(n), enum(...), date, datetime[(n)], json, uuid, bytes.");

    public static readonly DiagnosticDescriptor EmptyDefault = Error(DiagnosticIds.EmptyDefault, "Empty default value", "DataJoint.Syntax",
        "An attribute has '=' but nothing between it and the ':'. Give the default ('species = \"mouse\" : varchar(32)') or remove the '='.");

    public static readonly DiagnosticDescriptor ReservedComment = Error(DiagnosticIds.ReservedComment, "Comment starts with the reserved ':'", "DataJoint.Syntax",
        "A table or attribute comment starts with ':'. DataJoint stores ':type:' markers at the start of column comments, so such a comment could not be told apart from a marker. Start the comment with another character: '# in grams'.");

    public static readonly DiagnosticDescriptor BadForeignKey = Error(DiagnosticIds.BadForeignKey, "Malformed foreign key", "DataJoint.Syntax",
        "A '->' line is not a table reference: options without ']', a '.proj(' without ')', a rename that is not 'new_name='old_name'', or a reference that is not a (dotted) C# identifier. Write '-> Parent', '-> Namespace.Parent' or '-> Parent.proj(new_name='old_name')'.");

    public static readonly DiagnosticDescriptor BadForeignKeyOption = Error(DiagnosticIds.BadForeignKeyOption, "Invalid foreign key option", "DataJoint.Syntax",
        "The bracketed options of a foreign key contain something other than 'nullable' and 'unique'. Use '-> [nullable] Subject', '-> [unique] Subject' or '-> [nullable, unique] Subject'.");

    public static readonly DiagnosticDescriptor NullablePrimaryDependency = Error(DiagnosticIds.NullablePrimaryDependency, "Nullable foreign key in the primary key", "DataJoint.Syntax",
        "A '-> [nullable] Parent' line stands above '---': primary-key attributes can never be NULL. Move the line below '---', or drop 'nullable'.");

    public static readonly DiagnosticDescriptor BadIndex = Error(DiagnosticIds.BadIndex, "Malformed index", "DataJoint.Syntax",
        "An 'index(...)' or 'unique index(...)' line lists no attribute, or has an empty item between commas. List the indexed attributes: 'index(species, date_of_birth)'.");

    public static readonly DiagnosticDescriptor NullablePrimaryKey = Error(DiagnosticIds.NullablePrimaryKey, "Nullable primary-key attribute", "DataJoint.Syntax",
        "An attribute above '---' is declared with '= null'. Primary-key attributes are required: remove '= null', or move the attribute below '---'.");

    public static readonly DiagnosticDescriptor BlobDefault = Error(DiagnosticIds.BlobDefault, "Default on a blob attribute", "DataJoint.Syntax",
        "A binary attribute ('bytes', '<blob>', '<attach>', native blobs) has a default other than 'null'; the servers do not accept one. Use 'data = null : bytes' or no default.");

    public static readonly DiagnosticDescriptor DuplicateAttribute = Error(DiagnosticIds.DuplicateAttribute, "Duplicate attribute", "DataJoint.Syntax",
        "The same attribute name is declared twice, or declared again after a foreign key already brought it in. DataJoint-Python silently keeps the first; here it is an error because the second declaration is always a mistake. Remove the second declaration, or rename one ('-> Subject.proj(owner_id='subject_id')').");

    public static readonly DiagnosticDescriptor NativeType = Warning(DiagnosticIds.NativeType, "Native SQL type is not portable", "DataJoint.Syntax",
        "The type is a native SQL type ('int unsigned', 'time', 'text', 'longblob', ...). It is passed through unchanged and may not exist, or behave differently, on the other backend. Prefer a core type ('int64' instead of 'int unsigned'); keep the native type only for MySQL-only pipelines.");

    public static readonly DiagnosticDescriptor UnsignedType = Error(DiagnosticIds.UnsignedType, "Unsigned core types do not exist", "DataJoint.Syntax",
        "'uint8'...'uint64' were removed in DataJoint 2.x. Use the next larger signed type: 'count : int64'.");

    public static readonly DiagnosticDescriptor BadEnum = Error(DiagnosticIds.BadEnum, "Malformed enum", "DataJoint.Syntax",
        "An 'enum(...)' lists no values, or a value is not quoted. Quote every value: 'sex : enum('F', 'M')'.");

    public static readonly DiagnosticDescriptor UnknownIndexAttribute = Error(DiagnosticIds.UnknownIndexAttribute, "Index names an unknown attribute", "DataJoint.Syntax",
        "An 'index(...)' item is neither an attribute of the table (inherited ones included) nor a parenthesised expression. Name an existing attribute, or write an expression in parentheses: 'index((year(date_of_birth)))'.");

    public static readonly DiagnosticDescriptor InvalidDefault = Error(DiagnosticIds.InvalidDefault, "Invalid default value", "DataJoint.Syntax",
        "A default cannot be read, or is not a value of the attribute's type: quotes that do not enclose the whole value (a quote inside a quoted default is written twice: 'it''s'), a NUL character, a number that does not parse or is out of range, an enum default outside the enum, a date that is not YYYY-MM-DD, a string longer than char(n)/varchar(n), CURRENT_TIMESTAMP on an attribute that is not a datetime. Use a value of the type, 'null' to make the attribute nullable, or CURRENT_TIMESTAMP for datetime.");

    public static readonly DiagnosticDescriptor UnterminatedQuote = Error(DiagnosticIds.UnterminatedQuote, "Unterminated quote", "DataJoint.Syntax",
        "A ''' or '\"' opened on a definition line is never closed, so the rest of the line cannot be read. Close the quote: 'sex = \"F\" : enum('F', 'M')'.");

    public static readonly DiagnosticDescriptor AttributeNameTooLong = Error(DiagnosticIds.AttributeNameTooLong, "Attribute name too long", "DataJoint.Syntax",
        "The attribute name is longer than PostgreSQL's identifier limit (63) — MySQL allows 64. Shorten the name to 63 characters or fewer.");

    public static readonly DiagnosticDescriptor SqlReservedWord = Warning(DiagnosticIds.SqlReservedWord, "Attribute named like an SQL reserved word", "DataJoint.Syntax",
        "The attribute name is a reserved word of MySQL or PostgreSQL ('order', 'group', 'select', 'user', ...). DataJoint quotes every identifier it writes, so the table works, but every hand-written SQL restriction ('q & \"order > 3\"') must quote it too. Prefer a descriptive name ('order_idx', 'sort_order').");

    public static readonly DiagnosticDescriptor CodecNeedsStore = Error(DiagnosticIds.CodecNeedsStore, "Codec requires a store", "DataJoint.Syntax",
        "'<hash>', '<object>', '<npy>' and '<filepath>' keep their values in an object store only, so they need '@': DataJoint-Python refuses them without one. Write '<hash@>' for stores.default or '<hash@name>' for a configured store.");

    public static readonly DiagnosticDescriptor UnknownCodec = Error(DiagnosticIds.UnknownCodec, "Unknown codec", "DataJoint.Syntax",
        "The type '<name>' names a custom codec, but no class of the compilation or of its references is marked '[Codec(\"name\")]', so the attribute has no .NET type and the table cannot be declared. Add the codec class ('[Codec(\"graph\")] public sealed class GraphCodec : Codec<Graph> { ... }'), fix the name, or use a built-in codec.");

    public static readonly DiagnosticDescriptor BlobInKey = Error(DiagnosticIds.BlobInKey, "Blob or JSON attribute in the primary key", "DataJoint.Syntax",
        "A binary or json attribute stands above '---'; DataJoint refuses them in keys. Move the attribute below '---' and key the table by an id.");

    public static readonly DiagnosticDescriptor NotPartial = Error(DiagnosticIds.NotPartial, "Table class must be partial", "DataJoint.Declaration",
        "A '[Definition]' class (or a class containing one) is not 'partial', so the generator cannot add its members. Nothing is generated for it. Declare it 'public partial class Subject : Manual;' (and its containing classes 'partial' too).");

    public static readonly DiagnosticDescriptor WrongBase = Error(DiagnosticIds.WrongBase, "Table class must derive from a DataJoint tier", "DataJoint.Declaration",
        "A '[Definition]' class does not derive from 'Manual', 'Lookup', 'Imported', 'Computed' or 'Part'. Add the tier: 'public partial class Subject : Manual;'.");

    public static readonly DiagnosticDescriptor NonConstantDefinition = Error(DiagnosticIds.NonConstantDefinition, "Definition must be a constant string", "DataJoint.Declaration",
        "The argument of '[Definition]' is not a compile-time constant string. Pass a string literal (a raw string literal reads best), a 'const' or a concatenation of constants.");

    public static readonly DiagnosticDescriptor PartNotNested = Error(DiagnosticIds.PartNotNested, "Part table must be nested in its master", "DataJoint.Declaration",
        "A class deriving from 'Part' is not nested inside another '[Definition]' class; the master defines the part's SQL name ('master__part'). Nest it: 'public partial class Session : Manual { public partial class Trial : Part; }'.");

    public static readonly DiagnosticDescriptor TableNameTooLong = Error(DiagnosticIds.TableNameTooLong, "Table name too long", "DataJoint.Declaration",
        "The SQL table name (tier prefix + snake_case class name, or 'master__part') is longer than the backends allow: 64 characters on MySQL, 63 on PostgreSQL. Shorten the class name (or the master's name, for parts).");

    public static readonly DiagnosticDescriptor MissingMake = Error(DiagnosticIds.MissingMake, "Auto-populated table has no Make method", "DataJoint.Declaration",
        "A 'Computed' or 'Imported' class has none of the Make forms, so populate would have nothing to call. Add 'void Make(Key key)', 'Task MakeAsync(Key key, CancellationToken ct)', or the three-part 'MakeFetch'/'MakeCompute'/'MakeInsert' (each phase may be async).");

    public static readonly DiagnosticDescriptor InvalidClassName = Error(DiagnosticIds.InvalidClassName, "Invalid table class name", "DataJoint.Declaration",
        "DataJoint table classes are CamelCase ASCII letters and digits starting with a capital; the SQL name is derived from it ('SessionTrial' → 'session_trial'). Rename the class: 'SessionTrial'.");

    public static readonly DiagnosticDescriptor NewKeyInAutoPopulated = Error(DiagnosticIds.NewKeyInAutoPopulated, "Auto-populated table adds primary-key attributes", "DataJoint.Declaration",
        "A 'Computed'/'Imported' table declares its own attribute above '---'. Its key must come from its parents (the key source), or populate and the jobs table lose track of which keys are done. Move the attribute below '---', or put the per-epoch rows in a Part table written by the master's Make.");

    public static readonly DiagnosticDescriptor UnknownParent = Error(DiagnosticIds.UnknownParent, "Foreign key references an unknown table", "DataJoint.References",
        "'-> Name' matches no '[Definition]' class in the enclosing types, the namespace, its parent namespaces, or as a fully qualified name. Fix the name or add the missing table class; qualify it ('-> Lab.Subject') when it lives in another namespace.");

    public static readonly DiagnosticDescriptor CircularReference = Error(DiagnosticIds.CircularReference, "Circular foreign keys", "DataJoint.References",
        "Following foreign keys from the table leads back to it (directly or through other tables). DataJoint pipelines are acyclic graphs. Remove one of the references, or model the relation in a separate table that references both.");

    public static readonly DiagnosticDescriptor MasterOutsidePart = Error(DiagnosticIds.MasterOutsidePart, "'-> master' outside a part table", "DataJoint.References",
        "'-> master' is written in a table that is not a 'Part' nested in a master. Use '-> master' only in nested 'Part' classes; elsewhere name the table.");

    public static readonly DiagnosticDescriptor UnknownRenamedAttribute = Error(DiagnosticIds.UnknownRenamedAttribute, "Renamed attribute is not in the parent's primary key", "DataJoint.References",
        "A '.proj(new_name='old_name')' renames an attribute the parent's primary key does not have. Name a primary-key attribute of the parent: '-> Subject.proj(owner='subject_id')'.");

    public static readonly DiagnosticDescriptor AmbiguousParent = Error(DiagnosticIds.AmbiguousParent, "Ambiguous foreign key reference", "DataJoint.References",
        "'-> Name' is not in scope directly and matches tables in several namespaces. Qualify the reference: '-> Lab.Session'.");

    public static readonly DiagnosticDescriptor KeyTypeClash = Error(DiagnosticIds.KeyTypeClash, "Inherited attribute with conflicting types", "DataJoint.References",
        "Two foreign keys bring in attributes with the same name but different types, so the child cannot hold both. Rename one of them: '-> Donor.proj(donor_id='subject_id')'.");

    public static readonly DiagnosticDescriptor GlobalStateInThreadSafeMode = Error(DiagnosticIds.GlobalStateInThreadSafeMode, "Global DataJoint state in a thread-safe project", UsageCategory,
        "The project sets '<DataJointThreadSafe>true</DataJointThreadSafe>' (and imports 'src/DataJoint.Generators/build/DataJoint.Generators.props', which package consumers get automatically), and the code uses a member of 'Dj' that touches global state: 'Dj.Config', 'Dj.Conn()', 'Dj.Schema(name)' without a connection, or 'Dj.FreeTable(name)' without a connection. At run time these members throw 'ThreadSafetyException' when 'DJ_THREAD_SAFE' is on; this diagnostic catches them at compile time. Create an isolated instance and use it, or pass an explicit connection.",
        messageFormat: "'{0}' is DataJoint's global {1}, which this thread-safe project (DataJointThreadSafe) forbids: {2}");

    public static readonly DiagnosticDescriptor StaticHandleInThreadSafeMode = Warning(DiagnosticIds.StaticHandleInThreadSafeMode, "Instance or table handle in a static mutable field", UsageCategory,
        "In a project with '<DataJointThreadSafe>true</DataJointThreadSafe>', a 'static' field that is not 'readonly' holds an 'Instance', 'Connection', 'Schema' or a table/query handle. Such a field is process-wide mutable state: one request or tenant can replace the handle another is using. Keep instances per tenant, request or test (e.g. a 'ConcurrentDictionary<string, Lazy<Instance>>' owned by a service registered in dependency injection), or make the field 'readonly' when it is assigned once at start-up.",
        messageFormat: "Static mutable field '{0}' holds a {1}: in a thread-safe project keep instances and table handles per request, tenant or test (or make the field readonly if it is set once)");

    public static readonly DiagnosticDescriptor NonConstantStringRestriction = Warning(DiagnosticIds.NonConstantStringRestriction, "Non-constant string used as a SQL restriction", UsageCategory,
        "A string that is not a compile-time constant is used as a restriction: the right operand of '&' or '-' on a query, 'FreeTable' or generated table class, the condition of 'Restrict'/'RestrictNot', or an item of 'Cond.Or', 'Cond.And' or 'Cond.Not'. A string restriction is DataJoint's raw SQL restriction: the runtime inserts it into the 'WHERE' clause as written, so whatever it was built from — user input, a file, another query's result — becomes SQL. Write the restriction as an interpolated string; every hole becomes a bound parameter (the backend's '@p0'/'$1'), never SQL text.",
        messageFormat: "'{0}' {1}");

    public static readonly DiagnosticDescriptor Internal = Error(DiagnosticIds.Internal, "Internal error in the DataJoint generator or analyzer", "DataJoint.Internal",
        "DataJoint hit an unexpected exception while processing a table: the analyzer while parsing or resolving its definition, or the generator while writing its code. It is reported once, instead of crashing the build, and the table's generated members are skipped. This is a DataJoint defect: please report it with the definition and the message.");

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    private static DiagnosticDescriptor Error(string id, string title, string category, string description, string messageFormat = "{0}") =>
        Add(id, title, category, description, messageFormat, DiagnosticSeverity.Error);

    private static DiagnosticDescriptor Warning(string id, string title, string category, string description, string messageFormat = "{0}") =>
        Add(id, title, category, description, messageFormat, DiagnosticSeverity.Warning);

    // Definition diagnostics (DJ0xxx-DJ2xxx) are composed by the Roslyn-free parser and resolver, which name the attribute,
    // type, table or reference at fault, so their format is the whole message; the usage analyzers (DJ3xxx) fill a format.
    // The description is the summary of the help page, which the link opens.
    private static DiagnosticDescriptor Add(string id, string title, string category, string description, string messageFormat,
        DiagnosticSeverity severity)
    {
        var descriptor = new DiagnosticDescriptor(id, title, messageFormat, category, severity, isEnabledByDefault: true,
            description: description, helpLinkUri: HelpBase + id + ".md");
        ById[id] = descriptor;
        return descriptor;
    }
}
