using System.Xml.Linq;
using ActorArb.Domain.Market;

namespace ActorArb.Domain.Tests.Architecture;

/// <summary>The domain stays pure: it references the base class library and nothing else.</summary>
public sealed class DependencySpecs
{
    [Fact]
    public void Domain_should_reference_only_the_base_class_library()
    {
        var references = typeof(Price).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name is "System.Runtime" or "netstandard" or "mscorlib" || name.StartsWith("System.", StringComparison.Ordinal),
            $"ActorArb.Domain references {name}, which is not part of the base class library"));
        Assert.DoesNotContain(references, name => name.StartsWith("ActorArb", StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_project_should_have_no_package_or_project_references()
    {
        var project = XDocument.Load(FindProject());

        Assert.Empty(project.Descendants("PackageReference"));
        Assert.Empty(project.Descendants("ProjectReference"));
        Assert.Empty(project.Descendants("FrameworkReference"));
    }

    [Fact]
    public void Domain_should_not_read_the_wall_clock()
    {
        var source = Directory.GetParent(FindProject())!.FullName;
        var offenders = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f) is var text && (text.Contains("DateTime.UtcNow", StringComparison.Ordinal) || text.Contains("DateTime.Now", StringComparison.Ordinal)
                || text.Contains("Stopwatch", StringComparison.Ordinal) || text.Contains("Task.Delay", StringComparison.Ordinal) || text.Contains("new Random(", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(offenders);
    }

    private static string FindProject([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(thisFile)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "src", "Domain", "ActorArb.Domain.csproj");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("src/Domain/ActorArb.Domain.csproj not found above the test binaries");
    }
}
