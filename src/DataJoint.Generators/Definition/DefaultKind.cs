namespace DataJoint.Definition;

/// <summary>What a written default (<c>name = default : type</c>) stands for.</summary>
internal enum DefaultKind
{
    /// <summary><c>null</c> in any case: the attribute is nullable and defaults to NULL.</summary>
    Null,

    /// <summary><c>CURRENT_TIMESTAMP</c> or <c>CURRENT_TIMESTAMP(n)</c>: the server's clock, written unquoted in the DDL.</summary>
    CurrentTimestamp,

    /// <summary>Text in single or double quotes.</summary>
    Quoted,

    /// <summary>Anything else (numbers, <c>true</c>, an enum value written bare): taken as written.</summary>
    Bare,
}
