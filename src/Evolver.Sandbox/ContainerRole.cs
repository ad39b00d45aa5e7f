namespace Evolver.Sandbox;

/// <summary>What a sandbox container is for; it decides the container's main process and the user it runs as.</summary>
internal enum ContainerRole
{
    /// <summary>Runs an agent (by exec, as the agent user); its main process, as root, snapshots the base and takes the diff.</summary>
    Solve,

    /// <summary>Scores a diff; its main process, as the agent user, copies the clean repository in and runs the tests.</summary>
    Score,
}
