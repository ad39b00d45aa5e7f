namespace Evolver.Core;

/// <summary>
/// Plans the next child: its id, mutator, parents, seeds and reference scores, drawing from the run's generator in a
/// fixed order (mutator, parents, mutation seed, task seed) so that the saved generator state continues the stream.
/// </summary>
internal sealed class ChildPlanner(EvolutionOptions options, IVariantStore store, BudgetTracker budget, RunBook book)
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, double>> descriptorCache = new(StringComparer.Ordinal);

    public PlanStep Next(bool othersRunning)
    {
        var candidates = store.ReadSelectionInputs();
        if (candidates.Count == 0)
        {
            return othersRunning ? PlanStep.Wait : PlanStep.NoCandidates;
        }

        var id = NextFreeId();
        if (!budget.TryStartChild(id).Allowed)
        {
            return PlanStep.BudgetEnd;
        }

        var random = book.Random;
        var mutatorIndex = PickMutator(random.NextDouble());
        var choice = options.Mutators[mutatorIndex];
        var selection = SelectionCandidate.Build(
            candidates, options.Selector.Name == "hgm" ? store.ReadLineage() : null, options.Descriptors is null ? null : Descriptors(candidates));
        var parents = options.Selector.Select(selection, choice.Parents, random).Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
        var seed = random.Next();
        var taskSeed = options.ShuffleTasksPerChild ? random.Next() : options.RngSeed;
        lock (book.Gate)
        {
            book.Iterations++;
            var plan = new ChildPlan
            {
                Id = id,
                Kind = ChildKind.Child,
                Iteration = book.Iterations,
                Parents = parents,
                MutatorIndex = mutatorIndex,
                Mutator = choice.Mutator.Name,
                Seed = seed,
                TaskSeed = taskSeed,
                AdmissionReference = Reference(options.Admission.Reference, parents, candidates),
                StageReference = options.Stages.Incremental is { } incremental ? Reference(incremental.CompareAgainst, parents, candidates) : 0,
            };
            book.InFlight.Add(plan);
            return new PlanStep(plan);
        }
    }

    private string NextFreeId()
    {
        // Another writer may have used a number since the run last looked; ids are never reused.
        while (store.Contains("v" + book.NextSequence) || book.InFlight.Any(p => p.Id == "v" + book.NextSequence))
        {
            book.NextSequence++;
        }

        return "v" + book.NextSequence++;
    }

    private int PickMutator(double u)
    {
        var total = options.Mutators.Sum(m => m.Weight);
        var at = u * total;
        for (var i = 0; i < options.Mutators.Count; i++)
        {
            at -= options.Mutators[i].Weight;
            if (at < 0)
            {
                return i;
            }
        }

        return options.Mutators.Count - 1;
    }

    private double Reference(ScoreReference reference, IReadOnlyList<string> parents, IReadOnlyList<ParentCandidate> candidates) => reference switch
    {
        ScoreReference.Parent => candidates.Where(c => parents.Contains(c.Id)).Select(c => c.Score).DefaultIfEmpty(0).Max(),
        ScoreReference.Best => candidates.Max(c => c.Score),
        _ => SeedScore(candidates),
    };

    private double SeedScore(IReadOnlyList<ParentCandidate> candidates)
    {
        lock (book.Gate)
        {
            return RunProgressMath.SeedScore(book.History)
                ?? candidates.Where(c => c.Generation == 0).Select(c => c.Score).DefaultIfEmpty(0).Max();
        }
    }

    private Dictionary<string, IReadOnlyDictionary<string, double>> Descriptors(IReadOnlyList<ParentCandidate> candidates)
    {
        lock (book.Gate)
        {
            foreach (var h in book.History.Where(h => h.Descriptors.Count > 0))
            {
                descriptorCache[h.Id] = h.Descriptors;
            }
        }

        foreach (var c in candidates.Where(c => !descriptorCache.ContainsKey(c.Id)))
        {
            // A variant this run did not make: measure its archived source once.
            var folder = Path.Combine(options.WorkDirectory, "describe-" + c.Id);
            try
            {
                store.ExportSource(c.Id, folder);
                descriptorCache[c.Id] = options.Descriptors!(folder);
            }
            finally
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }

        return descriptorCache;
    }
}
