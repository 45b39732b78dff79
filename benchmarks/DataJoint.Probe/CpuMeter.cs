using System.Diagnostics;

namespace DataJoint.Probe;

/// <summary>Median wall time, process CPU time and allocation of each case over several repetitions, run interleaved.</summary>
internal static class CpuMeter
{
    public static void Print(Backend backend, int repetitions, int divisor, string unit, (string Name, int Calls, Func<int> Work)[] cases) =>
        Print(backend, repetitions, divisor, unit, cases.Select(c => (c.Name, c.Calls, (Action?)null, c.Work)).ToArray());

    /// <summary>As above, with a set-up before each call that is not measured (refilling what the case deletes).</summary>
    public static void Print(Backend backend, int repetitions, int divisor, string unit, (string Name, int Calls, Action? Setup, Func<int> Work)[] cases)
    {
        foreach (var (_, calls, setup, work) in cases)
        {
            for (var i = 0; i < calls; i++)
            {
                setup?.Invoke();
                work();
            }
        }

        var wall = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var cpu = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var allocated = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var process = Process.GetCurrentProcess();
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            foreach (var (name, calls, setup, work) in cases)
            {
                double wallMs = 0, cpuMs = 0, bytes = 0;
                for (var i = 0; i < calls; i++)
                {
                    setup?.Invoke();
                    process.Refresh();
                    var cpuBefore = process.TotalProcessorTime;
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var clock = Stopwatch.StartNew();
                    work();
                    wallMs += clock.Elapsed.TotalMilliseconds;
                    bytes += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                    process.Refresh();
                    cpuMs += (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                }

                var per = (double)calls * divisor;
                wall[name].Add(wallMs / per);
                allocated[name].Add(bytes / per / 1024);
                cpu[name].Add(cpuMs / per);
            }
        }

        Console.WriteLine($"{backend}, medians of {repetitions}, {unit}:");
        foreach (var (name, _, _, _) in cases)
        {
            Console.WriteLine($"  {name,-34} wall {Median(wall[name]),9:F3} ms  CPU {Median(cpu[name]),9:F3} ms  allocated {Median(allocated[name]),10:F1} KB");
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
