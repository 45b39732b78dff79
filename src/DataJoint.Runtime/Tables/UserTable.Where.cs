using System.Linq.Expressions;

namespace DataJoint;

public abstract partial class UserTable
{
    /// <summary>
    /// A restricted copy of a typed table from a predicate over its <c>Row</c>, used by the generated <c>Where</c>
    /// method; the predicate is translated to SQL with bound parameters (see <see cref="WhereTranslator"/>).
    /// </summary>
    protected static TTable Filtered<TTable, TRow>(TTable table, Expression<Func<TRow, bool>> predicate) where TTable : UserTable
    {
        ArgumentNullException.ThrowIfNull(table);
        return (TTable)table.WithRestriction(WhereTranslator.Translate(predicate, table), semanticCheck: false, negate: false);
    }
}
