namespace DataJoint;

/// <summary>A progress report of a running populate, sent after every key.</summary>
/// <param name="Table">The populated table's class name.</param>
/// <param name="Done">Keys handled so far (made, failed or skipped).</param>
/// <param name="Total">Keys this call set out to handle.</param>
/// <param name="Succeeded">Keys made.</param>
/// <param name="Failed">Keys whose Make failed.</param>
/// <param name="Elapsed">Time since populate started.</param>
public sealed record PopulateProgress(string Table, int Done, int Total, int Succeeded, int Failed, TimeSpan Elapsed)
{
    /// <summary>Fraction done, 0 to 1 (1 when there was nothing to do).</summary>
    public double Fraction => Total == 0 ? 1 : (double)Done / Total;
}
