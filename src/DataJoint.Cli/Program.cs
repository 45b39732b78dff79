using DataJoint.Cli;

// Ctrl+C (SIGINT) cancels the command, which then stops where it is safe to (populate releases its reservation) and
// exits 130; a second Ctrl+C ends the process at once.
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (interrupted.IsCancellationRequested) return;
    e.Cancel = true;
    interrupted.Cancel();
};
return await DjCommandLine.RunAsync(args, Console.Out, Console.Error, interrupted.Token).ConfigureAwait(false);
