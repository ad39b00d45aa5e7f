using Evolver.Agents.Sdk;

// The repair seed: search-based program repair guided by the task's visible tests. No LLM.
return await AgentHost.RunAsync(new RepairAgent(), args);
