namespace Evolver.Suites;

/// <summary>The outcome of importing one upstream exercise.</summary>
public sealed record ImportedTask
{
    /// <summary>The task's instance id in the suite.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Whether it was imported, skipped or failed.</summary>
    public required ImportStatus Status { get; init; }

    /// <summary>Why it was skipped or failed; a short summary when imported.</summary>
    public required string Reason { get; init; }

    /// <summary>Number of FAIL_TO_PASS tests (imported tasks).</summary>
    public int FailToPass { get; init; }

    /// <summary>Number of PASS_TO_PASS tests (imported tasks).</summary>
    public int PassToPass { get; init; }

    /// <summary>Time spent on the task in this run: conversion plus the base and gold runs.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>True when the outcome was taken from an interrupted earlier run over the same inputs.</summary>
    public bool Reused { get; init; }
}
