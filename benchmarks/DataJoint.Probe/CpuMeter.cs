using System.Diagnostics;

namespace DataJoint.Probe;

/// <summary>Median wall time, process CPU time and allocation of each case over several repetitions, run interleaved.</summary>
internal static class CpuMeter
{
    public static void Print(Backend backend, int repetitions, int divisor, string unit, (string Name, int Calls, Func<int> Work)[] cases)
    {
        foreach (var (_, calls, work) in cases)
        {
            for (var i = 0; i < calls; i++) work();
        }

        var wall = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var cpu = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var allocated = cases.ToDictionary(c => c.Name, _ => new List<double>());
        var process = Process.GetCurrentProcess();
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            foreach (var (name, calls, work) in cases)
            {
                process.Refresh();
                var cpuBefore = process.TotalProcessorTime;
                var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < calls; i++) work();
                var per = (double)calls * divisor;
                wall[name].Add(clock.Elapsed.TotalMilliseconds / per);
                allocated[name].Add((GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / per / 1024);
                process.Refresh();
                cpu[name].Add((process.TotalProcessorTime - cpuBefore).TotalMilliseconds / per);
            }
        }

        Console.WriteLine($"{backend}, medians of {repetitions}, {unit}:");
        foreach (var (name, _, _) in cases)
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
