namespace DataJoint;

public abstract partial class Table
{
    /// <summary>
    /// Checks rows as <see cref="Insert(IEnumerable{object}, InsertOptions)"/> would take them, without inserting (DataJoint's
    /// <c>validate</c>): unknown and missing attributes, NULLs, primary-key completeness, .NET types, text lengths, enum values,
    /// numeric ranges, uuids, JSON and the codecs' own checks. Returns every problem with its row and attribute; foreign keys
    /// and unique indexes are left to the server. Nothing is sent unless the heading must first be read (a <see cref="FreeTable"/>).
    /// </summary>
    /// <param name="rows">The rows, in any form insert takes (Row records, anonymous objects, dictionaries, <c>object?[]</c>).</param>
    /// <param name="ignoreExtraFields">Accept values for attributes the table does not have, as insert would drop them.</param>
    public ValidationResult Validate(IEnumerable<object> rows, bool ignoreExtraFields = false)
    {
        SyncOrAsync.Wait(PrepareForRead(sync: true, CancellationToken.None));
        return new RowValidator(this, ignoreExtraFields).Validate(rows);
    }

    /// <summary>Asynchronous <see cref="Validate"/>.</summary>
    public async Task<ValidationResult> ValidateAsync(IEnumerable<object> rows, bool ignoreExtraFields = false, CancellationToken cancellationToken = default)
    {
        await PrepareForRead(sync: false, cancellationToken).ConfigureAwait(false);
        return new RowValidator(this, ignoreExtraFields).Validate(rows);
    }
}
