namespace Evolver.Sandbox.Tests.Images;

/// <summary>A small C# task repository as the contract shapes them: offline nuget.config, net10.0, xunit 2.9.3; one test fails.</summary>
internal static class XunitProject
{
    public static string Write()
    {
        var dir = Directory.CreateTempSubdirectory("evolver-xunit-").FullName;
        File.WriteAllText(Path.Combine(dir, "Calc.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="offline" value="/opt/nuget/packages" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(dir, "CalcTests.cs"), """
            using Xunit;

            public static class Calc
            {
                public static int Add(int a, int b) => a + b;
            }

            public class CalcTests
            {
                [Fact]
                public void Add_Small_Sums() => Assert.Equal(5, Calc.Add(2, 3));

                [Fact]
                public void Add_Negative_Sums() => Assert.Equal(-1, Calc.Add(2, -3));

                [Fact]
                public void Add_Wrong_Fails() => Assert.Equal(6, Calc.Add(2, 3));
            }
            """);

        // The container's agent (uid 1000) writes bin/ and obj/ here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dir, (UnixFileMode)0b111_111_111);
        }
        return dir;
    }
}
