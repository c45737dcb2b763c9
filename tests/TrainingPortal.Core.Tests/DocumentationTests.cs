using System.Text.RegularExpressions;

namespace TrainingPortal.Core.Tests;

/// <summary>The documents a newcomer reads stay true to the code and stay inside the repository.</summary>
public partial class DocumentationTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public void Every_page_is_in_the_route_index_with_the_file_that_serves_it()
    {
        var index = File.ReadAllText(Path.Combine(Root, "docs", "modules.md"));
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cshtml", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (relative.Contains("/obj/") || relative.Contains("/bin/"))
            {
                continue;
            }
            var page = PageDirective().Match(File.ReadLines(file).FirstOrDefault() ?? "");
            if (page.Success && !index.Contains($"| `{page.Groups[1].Value}` | ", StringComparison.Ordinal) || page.Success && !index.Contains($"`{relative}`", StringComparison.Ordinal))
            {
                missing.Add($"{page.Groups[1].Value} ({relative})");
            }
        }

        Assert.True(missing.Count == 0, "Add these pages to the route index in docs/modules.md:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_readme_and_docs_link_only_to_documents_inside_the_repository()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Append(Path.Combine(Root, "README.md"));
        var outside = new List<string>();
        foreach (var document in documents)
        {
            foreach (Match link in MarkdownLink().Matches(File.ReadAllText(document)))
            {
                var target = link.Groups[1].Value.Split('#')[0];
                if (target.Length == 0 || target.StartsWith("http", StringComparison.Ordinal))
                {
                    continue;
                }
                var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target));
                if (!resolved.StartsWith(Root, StringComparison.Ordinal) || !Path.Exists(resolved))
                {
                    outside.Add($"{Path.GetFileName(document)} → {target}");
                }
            }
            Assert.DoesNotContain("../shared", File.ReadAllText(document));
        }

        Assert.Empty(outside);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "TrainingPortal.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The repository root (with TrainingPortal.sln) was not found.");
    }

    [GeneratedRegex("^@page\\s+\"([^\"]+)\"")]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
