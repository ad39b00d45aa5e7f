using Evolver.Mutation.Benchmarks;

// Mutation benchmarks (from the repository root, after ./scripts/setup.sh):
//   dotnet run -c Release --project benchmarks/Evolver.Mutation.Benchmarks -- build [agent dir] [rounds]
//   dotnet run -c Release --project benchmarks/Evolver.Mutation.Benchmarks -- gp [agent dir] [mutations] [seed]
//   dotnet run -c Release --project benchmarks/Evolver.Mutation.Benchmarks -- repair <suite dir> [task ids] [parallel]
return args.FirstOrDefault() switch
{
    "build" => await BuildBenchmark.RunAsync(args[1..]),
    "gp" => await GpBenchmark.RunAsync(args[1..]),
    "repair" => await RepairBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: build [agent dir] [rounds] | gp [agent dir] [mutations] [seed] | repair <suite dir> [task ids] [parallel]");
    return 2;
}
