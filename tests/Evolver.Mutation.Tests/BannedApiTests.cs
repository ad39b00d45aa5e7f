using Xunit;

namespace Evolver.Mutation.Tests;

/// <summary>Each banned API is rejected with its reason; near-misses that only look alike pass.</summary>
public sealed class BannedApiTests
{
    private readonly AgentValidator validator = new(new ValidationOptions(), new AgentBuilderOptions(), TimeProvider.System);

    public static TheoryData<string, string> Banned() => new()
    {
        { """var v = Environment.GetEnvironmentVariable("HOME");""", "System.Environment.GetEnvironmentVariable is banned: environment variables" },
        { """var all = Environment.GetEnvironmentVariables();""", "System.Environment.GetEnvironmentVariables is banned" },
        { """var x = Environment.ExpandEnvironmentVariables("%PATH%");""", "System.Environment.ExpandEnvironmentVariables is banned" },
        { """Environment.SetEnvironmentVariable("A", "b");""", "System.Environment.SetEnvironmentVariable is banned" },
        { """Func<string, string?> read = Environment.GetEnvironmentVariable;""", "System.Environment.GetEnvironmentVariable is banned" },
        { """using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);""", "System.Net.Sockets.Socket is banned: agents reach the network only through the LLM gateway" },
        { """using var c = new TcpClient();""", "System.Net.Sockets.TcpClient is banned" },
        { """Socket? s = null; _ = s;""", "System.Net.Sockets.Socket is banned" },
        { """Action<Socket> close = s => s.Close();""", "System.Net.Sockets.Socket is banned" },
        { """var e = new UnixDomainSocketEndPoint("/tmp/x");""", "System.Net.Sockets.UnixDomainSocketEndPoint is banned" },
        { """var ips = await Dns.GetHostAddressesAsync("example.com", ct);""", "System.Net.Dns is banned" },
        { """using var h = new SocketsHttpHandler();""", "System.Net.Http.SocketsHttpHandler is banned" },
        { """var r = WebRequest.Create(context.RepoPath);""", "System.Net.WebRequest is banned" },
        { """using var pipe = new System.IO.Pipes.NamedPipeClientStream("x");""", "System.IO.Pipes.NamedPipeClientStream is banned" },
        { """using var client = new HttpClient(); await client.GetStringAsync("https://example.com/x", ct);""", "hard-coded URL 'https://example.com/x' is banned" },
        { """var u = new Uri("http://169.254.169.254/latest");""", "hard-coded URL 'http://169.254.169.254/latest' is banned" },
        { """Process.Start("ls");""", "System.Diagnostics.Process is banned: start processes through Evolver.Agents.Sdk.Shell" },
        { """using var p = new Process();""", "System.Diagnostics.Process is banned" },
        { """var p = Process.GetCurrentProcess().Id;""", "System.Diagnostics.Process is banned" },
        { """var m = typeof(string).GetMethod("Trim", Type.EmptyTypes);""", "System.Type.GetMethod is banned: reflection" },
        { """var asm = typeof(string).Assembly;""", "System.Type.Assembly is banned: reflection" },
        { """var o = Activator.CreateInstance(typeof(object));""", "System.Activator is banned: reflection" },
        { """var b = BindingFlags.Public;""", "System.Reflection.BindingFlags is banned" },
        { """var ctx = System.Runtime.Loader.AssemblyLoadContext.Default;""", "System.Runtime.Loader.AssemblyLoadContext is banned" },
        { """var exp = System.Linq.Expressions.Expression.Constant(1);""", "System.Linq.Expressions.Expression is banned" },
        { """var d = AppDomain.CurrentDomain.BaseDirectory;""", "System.AppDomain is banned" },
        { """dynamic dyn = context; string s = dyn.ProblemStatement;""", "dynamic is banned: dynamic binding hides calls" },
        { """var n = Marshal.SizeOf<int>();""", "System.Runtime.InteropServices.Marshal is banned: native code" },
        { """var text = File.ReadAllText("/etc/passwd");""", "path '/etc/passwd' in File.ReadAllText is banned" },
        { """var secret = File.ReadAllBytes("/proc/self/environ");""", "path '/proc/self/environ' in File.ReadAllBytes is banned" },
        { """const string Shadow = "/etc/shadow"; var t = File.ReadAllText(Shadow);""", "path '/etc/shadow' in File.ReadAllText is banned" },
        { """File.WriteAllText(Path.Combine("/etc", "x"), "");""", "path '/etc' in Path.Combine is banned" },
        { """var f = Path.Combine(context.RepoPath, "/root/.ssh/id_rsa");""", "path '/root/.ssh/id_rsa' in Path.Combine is banned" },
        { """var f = File.ReadAllText($"/root/{context.InstanceId}");""", "path '/root/' in File.ReadAllText is banned" },
        { """var f = File.ReadAllText("/work" + context.InstanceId);""", "path '/work' in File.ReadAllText is banned" },
        { """var f = File.ReadAllText("/repo/../etc/shadow");""", "path '/repo/../etc/shadow' in File.ReadAllText is banned" },
        { """var files = Directory.GetFiles("/work");""", "path '/work' in Directory.GetFiles is banned" },
        { """using var stream = new FileStream("/var/run/docker.sock", FileMode.Open);""", "path '/var/run/docker.sock' in FileStream..ctor is banned" },
        { """await Shell.RunAsync("ls", "/etc", TimeSpan.FromSeconds(1), 100, ct);""", "path '/etc' in Shell.RunAsync is banned" },
    };

    public static TheoryData<string> NearMisses() =>
    [
        """var nl = Environment.NewLine + Environment.ProcessorCount + Environment.CurrentDirectory;""",
        """var s = "Environment.GetEnvironmentVariable(\"HOME\") /etc/passwd new Socket() Process.Start";""",
        """// Process.Start("rm -rf /"); Environment.GetEnvironmentVariable("KEY"); new TcpClient();""",
        """var readme = Path.Combine(context.RepoPath, "README.md"); var text = File.Exists(readme) ? File.ReadAllText(readme) : "";""",
        """File.WriteAllText("/tmp/scratch.txt", "x"); File.Delete("/tmp/scratch.txt"); Directory.CreateDirectory("/tmp/evolver-work");""",
        """var readme = File.ReadAllText("/repo/README.md") + File.ReadAllText(Path.Combine("/repo", "src", "a.py"));""",
        """var out1 = "/re" + context.InstanceId; _ = File.Exists(out1) ? 1 : 0; var tmp = File.Exists("/tmp" + "/x");""",
        """var where = $"/repo/{context.InstanceId}"; _ = File.Exists(where);""",
        """var name = nameof(Environment.GetEnvironmentVariable) + nameof(Process);""",
        """var typeName = typeof(string).Name + context.GetType().FullName;""",
        """var socket = "socket"; var process = socket.Length; var environment = process + 1;""",
        """var path = "/etc/passwd"; Console.WriteLine(path);""",
        """if (context.Gateway is { } g) { using var client = new HttpClient { BaseAddress = new Uri(g.BaseUrl) }; _ = client.Timeout; }""",
        """using var content = new StringContent("{}"); var method = HttpMethod.Post;""",
        """var json = System.Text.Json.JsonSerializer.Serialize(context); var r = new System.Text.RegularExpressions.Regex("a+");""",
        """var sw = Stopwatch.StartNew(); var code = HttpStatusCode.OK;""",
        // The shell's commands are confined by the sandbox, not by validation.
        """await Shell.RunAsync("cat /etc/hostname", context.RepoPath, TimeSpan.FromSeconds(5), 1000, ct);""",
    ];

    [Theory]
    [MemberData(nameof(Banned))]
    public async Task ValidateAsync_BannedApi_RejectedWithRecordedReason(string body, string expected)
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", body);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.DoesNotContain(result.Issues, i => i.Kind == ValidationIssueKind.CompileError);
        var issue = Assert.Single(result.Issues, i => i.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(ValidationIssueKind.BannedApi, issue.Kind);
        Assert.StartsWith("Util.cs:", issue.Message, StringComparison.Ordinal);
        Assert.Contains("banned-api", result.Flags);
        Assert.Contains("banned-api: Util.cs:", result.Describe());
    }

    [Theory]
    [MemberData(nameof(NearMisses))]
    public async Task ValidateAsync_NearMiss_IsValid(string body)
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", body);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public async Task ValidateAsync_OwnMethodNamedLikeBannedOne_IsValid()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(
            dir,
            "agent",
            """var home = GetEnvironmentVariable("HOME") + Start("ls");""",
            """
                private static string GetEnvironmentVariable(string name) => name.ToUpperInvariant();
                private static string Start(string command) => command;
            """);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
    }

    [Fact]
    public async Task ValidateAsync_UsingStaticEnvironment_RejectsTheUnqualifiedCall()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", """var key = GetEnvironmentVariable("OPENAI_API_KEY");""", usings: "using static System.Environment;\n");

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        var issue = Assert.Single(result.Issues);
        Assert.Contains("System.Environment.GetEnvironmentVariable is banned", issue.Message);
    }

    [Fact]
    public async Task ValidateAsync_DllImportExtern_Rejected()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(
            dir,
            "agent",
            """_ = getpid();""",
            """
                [DllImport("libc")]
                private static extern int getpid();
            """);

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.DoesNotContain(result.Issues, i => i.Kind == ValidationIssueKind.CompileError);
        Assert.Contains(result.Issues, i => i.Kind == ValidationIssueKind.BannedApi && i.Message.Contains("DllImportAttribute is banned: native code"));
        Assert.Contains(result.Issues, i => i.Kind == ValidationIssueKind.BannedApi && i.Message.Contains("unsafe and extern members are banned"));
    }

    [Fact]
    public async Task ValidateAsync_UnsafeBlock_RejectedAsBannedAndAsCompileError()
    {
        using var dir = new TempDirectory();
        var agent = AgentFolder.WithBody(dir, "agent", """unsafe { int x = 0; int* p = &x; _ = *p; }""");

        var result = await validator.ValidateAsync(agent, null, CancellationToken.None);

        Assert.Contains(result.Issues, i => i.Kind == ValidationIssueKind.BannedApi && i.Message.Contains("unsafe code is banned"));
        Assert.Contains(result.Issues, i => i.Kind == ValidationIssueKind.CompileError && i.Message.Contains("CS0227"));
        Assert.Equal(["compile-error", "banned-api"], result.Flags);
    }

    [Fact]
    public async Task ValidateAsync_EnvdumpTestAgent_RejectedForEnvironmentSocketsAndDns()
    {
        var result = await validator.ValidateAsync(TestPaths.Agent("envdump"), null, CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.All(result.Issues, i => Assert.Equal(ValidationIssueKind.BannedApi, i.Kind));
        Assert.Contains(result.Issues, i => i.Message.Contains("System.Environment.GetEnvironmentVariables is banned"));
        Assert.Contains(result.Issues, i => i.Message.Contains("System.Net.Sockets.Socket is banned"));
        Assert.Contains(result.Issues, i => i.Message.Contains("System.Net.Dns is banned"));
    }

    [Fact]
    public async Task ValidateAsync_FixerTestAgent_IsValid()
    {
        var result = await validator.ValidateAsync(TestPaths.Agent("fixer"), null, CancellationToken.None);

        Assert.True(result.IsValid, result.Describe());
        Assert.Empty(result.CompilerDiagnostics);
    }
}
