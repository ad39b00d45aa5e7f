using Microsoft.CodeAnalysis;

namespace Evolver.Mutation;

/// <summary>
/// The APIs an agent may not use, matched on the symbols the compiler binds (never on text). An agent reaches the
/// world only through its task repository, scratch space, the SDK's <c>Shell</c> and the LLM gateway; everything that
/// would read the harness's secrets, open other connections, start processes behind the SDK's back or hide calls from
/// this check is listed here. See the project README for the list in prose.
/// </summary>
internal static class BannedApis
{
    private const string Reflection = "reflection and code generation hide calls from validation";
    private const string Network = BannedApiReasons.Gateway;
    private const string Native = "native code and raw memory bypass validation";

    /// <summary>Whole namespaces (and the namespaces below them).</summary>
    private static readonly (string Namespace, string Reason)[] Namespaces =
    [
        ("System.Net.Sockets", Network),
        ("System.Net.NetworkInformation", Network),
        ("System.Net.WebSockets", Network),
        ("System.Net.Quic", Network),
        ("System.Net.Mail", Network),
        ("System.Net.Security", Network),
        ("System.Reflection", Reflection),
        ("System.Runtime.Loader", Reflection),
        ("System.Linq.Expressions", Reflection),
        ("System.Runtime.InteropServices", Native),
        ("System.IO.Pipes", "pipes and local sockets reach other processes"),
        ("System.IO.MemoryMappedFiles", Native),
        ("Microsoft.Win32", Native),
    ];

    /// <summary>Whole types, with every member, constructor and derived type.</summary>
    private static readonly (string Type, string Reason)[] Types =
    [
        ("System.Diagnostics.Process", "start processes through Evolver.Agents.Sdk.Shell, which applies the timeout and output cap"),
        ("System.Net.Dns", Network),
        ("System.Net.WebClient", Network),
        ("System.Net.WebRequest", Network),
        ("System.Net.HttpListener", Network),
        ("System.Net.Http.SocketsHttpHandler", "SocketsHttpHandler can open raw connections (ConnectCallback)"),
        ("System.Activator", Reflection),
        ("System.AppDomain", Reflection),
        ("System.Runtime.CompilerServices.Unsafe", Native),
    ];

    /// <summary>Single members of otherwise allowed types.</summary>
    private static readonly (string Type, string Member, string Reason)[] Members =
    [
        ("System.Environment", "GetEnvironmentVariable", "environment variables may hold the harness's secrets"),
        ("System.Environment", "GetEnvironmentVariables", "environment variables may hold the harness's secrets"),
        ("System.Environment", "ExpandEnvironmentVariables", "environment variables may hold the harness's secrets"),
        ("System.Environment", "SetEnvironmentVariable", "environment variables are the harness's, not the agent's"),
        ("System.Type", "InvokeMember", Reflection),
        ("System.Type", "GetTypeFromHandle", Reflection),
        ("System.Type", "GetTypeFromProgID", Reflection),
        ("System.Type", "GetTypeFromCLSID", Reflection),
    ];

    /// <summary>Members of banned types that say nothing dangerous and that allowed types inherit (<c>typeof(T).Name</c>).</summary>
    private static readonly (string Type, string Member)[] Exempt =
    [
        ("System.Reflection.MemberInfo", "Name"),
    ];

    /// <summary>Why <paramref name="symbol"/> is banned, or null when it is allowed.</summary>
    public static string? Why(ISymbol symbol)
    {
        symbol = symbol is IMethodSymbol { ReducedFrom: { } unreduced } ? unreduced : symbol;
        symbol = symbol.OriginalDefinition;
        if (symbol.ContainingType is { } owner && Exempt.Contains((FullName(owner), symbol.Name)))
        {
            return null;
        }

        switch (symbol)
        {
            case ITypeSymbol type:
                return WhyType(type);
            case IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol when symbol.ContainingType is { } container:
                if (WhyType(container) is { } typeReason)
                {
                    return typeReason;
                }

                foreach (var (type, member, reason) in Members)
                {
                    if (member == symbol.Name && FullName(container) == type)
                    {
                        return reason;
                    }
                }

                // A member of an allowed type that hands out a banned one (Type.GetMethod -> MethodInfo, Type.Assembly).
                return ResultType(symbol) is { } result ? WhyType(result) : null;
            default:
                return null;
        }
    }

    private static string? WhyType(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return WhyType(array.ElementType);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return Native;
            case { TypeKind: TypeKind.Dynamic }:
                return "dynamic binding hides calls from validation";
            case INamedTypeSymbol named:
                foreach (var argument in named.TypeArguments)
                {
                    if (WhyType(argument) is { } argumentReason)
                    {
                        return argumentReason;
                    }
                }

                var ns = named.ContainingNamespace?.ToDisplayString() ?? "";
                foreach (var (banned, reason) in Namespaces)
                {
                    if (ns == banned || ns.StartsWith(banned + ".", StringComparison.Ordinal))
                    {
                        return reason;
                    }
                }

                for (var t = named; t is not null; t = t.BaseType)
                {
                    var name = FullName(t.OriginalDefinition);
                    foreach (var (banned, reason) in Types)
                    {
                        if (name == banned)
                        {
                            return reason;
                        }
                    }
                }

                return named.ContainingType is { } outer ? WhyType(outer) : null;
            default:
                return null;
        }
    }

    private static ITypeSymbol? ResultType(ISymbol symbol) => symbol switch
    {
        IMethodSymbol m => m.ReturnType,
        IPropertySymbol p => p.Type,
        IFieldSymbol f => f.Type,
        _ => null,
    };

    /// <summary><c>Namespace.Outer.Inner</c>, without generic arguments.</summary>
    public static string FullName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.Name + "." + name;
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + name;
    }
}
