using System.Net.Sockets;
using System.Text;
using Evolver.Agents.Sdk;

// Snooping agent: records what a sandboxed agent can see and reach, and writes it to findings.txt in the repository
// (and to stdout). Tests then check it found no secret, hidden test or network. CONNECTED, RESOLVED and READABLE in
// capitals mark what got through; whether that is a breach depends on the probe (/opt/agent is meant to be readable).
return await AgentHost.RunAsync(new EnvDump(), args);

internal sealed class EnvDump : IAgent
{
    /// <summary>Paths an escaping agent would look at first: harness inputs, hidden tests, secrets, the Docker socket.</summary>
    private static readonly string[] Probes =
    [
        "/evolver", "/evolver/hidden", "/evolver-harness", "/hidden", "/repo/hidden", "/tasks", "/task", "/suite", "/work", "/workspace",
        "/evolver-results", "/evolver-out", "/opt/agent", "/run/secrets", "/root", "/home", "/proc/1/environ",
        "/proc/1/cmdline", "/etc/shadow", "/var/run/docker.sock", "/run/docker.sock",
    ];

    /// <summary>Folders not worth listing: the system itself, huge and the same in every container.</summary>
    private static readonly string[] Unlisted = ["/proc", "/sys", "/dev", "/usr", "/lib", "/lib32", "/lib64", "/bin", "/sbin", "/var/lib", "/var/cache", "/opt/nuget", "/opt/nuget-global"];

    private const int MaxListedFiles = 20_000;

    private static readonly TimeSpan ScanBudget = TimeSpan.FromSeconds(30);

    public async Task<AgentReport> RunAsync(AgentContext context, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: identity");
        text.AppendLine("[identity]");
        foreach (var line in ReadLines("/proc/self/status").Where(l => l.StartsWith("Uid:") || l.StartsWith("Gid:") || l.StartsWith("Groups:") || l.StartsWith("Cap")))
        {
            text.AppendLine(line);
        }

        text.AppendLine("[budget]");
        text.AppendLine($"wall_seconds={context.Budget.WallSeconds} llm_tokens={context.Budget.LlmTokens?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}");

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: environment");
        text.AppendLine("[environment]");
        foreach (var pair in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().OrderBy(p => (string)p.Key, StringComparer.Ordinal))
        {
            text.AppendLine($"{pair.Key}={pair.Value}");
        }

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: mountinfo");
        text.AppendLine("[mountinfo]");
        foreach (var line in ReadLines("/proc/self/mountinfo"))
        {
            text.AppendLine(line);
        }

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: limits");
        text.AppendLine("[limits]");
        foreach (var file in new[] { "/sys/fs/cgroup/memory/memory.limit_in_bytes", "/sys/fs/cgroup/pids/pids.max", "/sys/fs/cgroup/cpu/cpu.cfs_quota_us", "/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/pids.max", "/sys/fs/cgroup/cpu.max" })
        {
            text.AppendLine($"{file}: {string.Join(' ', ReadLines(file))}");
        }

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: paths");
        text.AppendLine("[paths]");
        foreach (var path in Probes)
        {
            text.AppendLine($"{path}: {DescribePath(path)}");
        }

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: network");
        text.AppendLine("[network]");
        foreach (var (host, port) in new[] { ("1.1.1.1", 443), ("8.8.8.8", 53), ("172.17.0.1", 2375), ("172.17.0.1", 2376) })
        {
            text.AppendLine($"tcp {host}:{port}: {await ConnectAsync(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(host), port), ProtocolType.Tcp, cancellationToken)}");
        }

        foreach (var socket in new[] { "/var/run/docker.sock", "/run/docker.sock" })
        {
            text.AppendLine($"unix {socket}: {await ConnectAsync(new UnixDomainSocketEndPoint(socket), ProtocolType.Unspecified, cancellationToken)}");
        }

        text.AppendLine($"dns example.com: {await ResolveAsync("example.com", cancellationToken)}");
        if (context.Gateway is { } gateway)
        {
            await ProbeGatewayAsync(gateway, text, cancellationToken);
        }

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: keys");
        text.AppendLine("[keys]");
        foreach (var line in KeyLikeStrings())
        {
            text.AppendLine(line);
        }

        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: files");
        text.AppendLine("[files]");
        var listed = 0;
        foreach (var file in ListFiles("/"))
        {
            if (++listed > MaxListedFiles)
            {
                text.AppendLine($"... stopped after {MaxListedFiles} files");
                break;
            }

            text.AppendLine(file);
        }

        var findings = text.ToString();
        Console.Write(findings);
        await File.WriteAllTextAsync(Path.Combine(context.RepoPath, "findings.txt"), findings, cancellationToken);
        return new AgentReport("completed", $"wrote findings.txt ({findings.Length} chars)", Steps: Probes.Length);
    }

    /// <summary>The gateway: what its socket folder holds, and whether a models list and a chat call get through.</summary>
    private static async Task ProbeGatewayAsync(GatewayInfo gateway, StringBuilder text, CancellationToken cancellationToken)
    {
        Console.Error.WriteLine($"envdump {Environment.TickCount64 % 1_000_000} ms: gateway");
        text.AppendLine("[gateway]");
        text.AppendLine($"base url {gateway.BaseUrl}, socket {gateway.SocketPath}, model {gateway.Model}");
        if (gateway.SocketPath is { } socket)
        {
            text.AppendLine($"socket folder: {DescribePath(Path.GetDirectoryName(socket)!)}");
            text.AppendLine($"unix {socket}: {await ConnectAsync(new UnixDomainSocketEndPoint(socket), ProtocolType.Unspecified, cancellationToken)}");
        }

        using var http = gateway.CreateHttpClient(TimeSpan.FromSeconds(20));
        try
        {
            using var models = await http.GetAsync("models", cancellationToken);
            text.AppendLine($"GET models: {(int)models.StatusCode} {await models.Content.ReadAsStringAsync(cancellationToken)}");
            var body = $$"""{"model":"{{gateway.Model}}","messages":[{"role":"user","content":"ping from envdump"}]}""";
            using var chat = await http.PostAsync("chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
            text.AppendLine($"POST chat/completions: {(int)chat.StatusCode} {await chat.Content.ReadAsStringAsync(cancellationToken)}");
        }
        catch (HttpRequestException e)
        {
            text.AppendLine($"gateway unreachable: {e.Message}");
        }
    }

    /// <summary>Every string that looks like a provider key (<c>sk-</c>…) in environments, command lines and readable files.</summary>
    private static IEnumerable<string> KeyLikeStrings()
    {
        var sources = Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .SelectMany(d => new[] { Path.Combine(d, "environ"), Path.Combine(d, "cmdline") })
            .Concat(ListFiles("/").Take(MaxListedFiles));
        var found = 0;
        var scanned = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var path in sources)
        {
            // On a host (the positive control) the scan meets whole work trees; it must end, and say it did not finish,
            // so that a sandbox test reading "0 key-like strings" knows the scan was complete.
            if (clock.Elapsed > ScanBudget)
            {
                yield return $"scan incomplete: stopped after {scanned} files, its {ScanBudget.TotalSeconds:0} s budget spent";
                yield break;
            }

            scanned++;
            string content;
            try
            {
                var info = new FileInfo(path);
                if (!path.StartsWith("/proc/", StringComparison.Ordinal) && (info.Length > 256 << 10 || info.LinkTarget is not null))
                {
                    // Links point at files listed in their own folder; huge files are binaries, not configuration.
                    continue;
                }

                // A FIFO (the runtime's own debugger pipes in /tmp) blocks a reader forever: give each file a quarter second.
                var read = Task.Run(() => File.ReadAllText(path));
                if (!read.Wait(TimeSpan.FromMilliseconds(250)))
                {
                    continue;
                }

                content = read.Result;
            }
            catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            for (var at = content.IndexOf("sk-", StringComparison.Ordinal); at >= 0; at = content.IndexOf("sk-", at + 3, StringComparison.Ordinal))
            {
                var end = at;
                while (end < content.Length && (char.IsAsciiLetterOrDigit(content[end]) || content[end] is '-' or '_'))
                {
                    end++;
                }

                if (end - at >= 12 && ++found <= 50)
                {
                    yield return $"KEYLIKE {path}: {content[at..end]}";
                }
            }
        }

        yield return $"{found} key-like strings";
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [$"unreadable ({e.GetType().Name})"];
        }
    }

    private static string DescribePath(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                var entries = Directory.GetFileSystemEntries(path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
                return $"directory, READABLE, {entries.Count} entries: {string.Join(' ', entries.Take(50))}";
            }

            if (!File.Exists(path))
            {
                return "absent";
            }

            if (new FileInfo(path).Attributes.HasFlag(FileAttributes.Device) || path.EndsWith(".sock"))
            {
                return "present (not a regular file)";
            }

            var head = File.ReadAllText(path);
            return $"file, READABLE: {head[..Math.Min(head.Length, 300)].ReplaceLineEndings(" ").Replace('\0', ' ')}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"present, unreadable ({e.GetType().Name})";
        }
    }

    private static async Task<string> ConnectAsync(System.Net.EndPoint endPoint, ProtocolType protocol, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, protocol);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            await socket.ConnectAsync(endPoint, timeout.Token);
            return "CONNECTED";
        }
        catch (SocketException e)
        {
            return $"refused ({e.SocketErrorCode})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "refused (timed out after 3 s)";
        }
    }

    private static async Task<string> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            var addresses = await System.Net.Dns.GetHostAddressesAsync(host, timeout.Token);
            return $"RESOLVED {string.Join(' ', addresses.Select(a => a.ToString()))}";
        }
        catch (SocketException e)
        {
            return $"unresolved ({e.SocketErrorCode})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "unresolved (timed out after 3 s)";
        }
    }

    /// <summary>Every file outside the system folders, depth first, without following links or failing on a denied folder.</summary>
    private static IEnumerable<string> ListFiles(string root)
    {
        var pending = new Stack<string>([root]);
        var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true };
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            string[] files, directories;
            try
            {
                files = Directory.GetFiles(directory, "*", options);
                directories = Directory.GetDirectories(directory, "*", options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.Order(StringComparer.Ordinal))
            {
                yield return file;
            }

            foreach (var child in directories.OrderDescending(StringComparer.Ordinal))
            {
                if (!Unlisted.Contains(child) && new DirectoryInfo(child).LinkTarget is null)
                {
                    pending.Push(child);
                }
            }
        }
    }
}
