using Evolver.Agents.Sdk;

// The entry contract: the harness runs `dotnet agent.dll`; AgentHost reads the task and writes the report.
return await AgentHost.RunAsync(new CoderAgent(), args);
