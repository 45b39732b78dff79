namespace DataJoint.Cli;

/// <summary>Repeatable <c>left=right</c> option values (<c>--upstream lab_up=Lab.Up</c>, <c>--rename value=amount</c>).</summary>
internal static class PairArguments
{
    /// <exception cref="CliException">A value without both sides of its <c>=</c>.</exception>
    public static Dictionary<string, string> Parse(string[] values, string option, string form)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == value.Length - 1) throw new CliException($"{option} {value}: write {form}.", ExitCodes.Usage);
            pairs[value[..equals]] = value[(equals + 1)..];
        }

        return pairs;
    }
}
