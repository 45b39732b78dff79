using System.Text;

namespace DataJoint.Definition;

/// <summary>DataJoint's naming rules (docs/semantics.md#naming). Shared by the generator and the runtime.</summary>
internal static class Naming
{
    /// <summary>
    /// CamelCase class name to snake_case SQL name: every capital after the first letter becomes
    /// <c>_</c> + lowercase, so acronyms split letter by letter (<c>ProcessedEMG</c> → <c>processed_e_m_g</c>).
    /// </summary>
    public static string ClassToSqlName(string className)
    {
        var sb = new StringBuilder(className.Length + 8);
        for (var i = 0; i < className.Length; i++)
        {
            var c = className[i];
            if (c is >= 'A' and <= 'Z')
            {
                if (i > 0) sb.Append('_');
                sb.Append((char)(c + ('a' - 'A')));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>The tier prefix of a table's SQL name.</summary>
    public static string TierPrefix(TableKind tier) => tier switch
    {
        TableKind.Lookup => "#",
        TableKind.Imported => "_",
        TableKind.Computed => "__",
        _ => "",
    };

    /// <summary>snake_case attribute name to a PascalCase C# member name (<c>subject_id</c> → <c>SubjectId</c>).</summary>
    public static string SnakeToPascal(string snake)
    {
        var sb = new StringBuilder(snake.Length);
        var upper = true;
        foreach (var c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }

    /// <summary>PascalCase or camelCase member name to snake_case (<c>HomeState</c> → <c>home_state</c>).</summary>
    public static string PascalToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_') sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
