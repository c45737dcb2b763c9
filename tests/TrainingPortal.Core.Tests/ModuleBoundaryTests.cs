using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using TrainingPortal.Core.Modules;
using TrainingPortal.Data;
using TrainingPortal.Web.Composition;

namespace TrainingPortal.Core.Tests;

/// <summary>
/// Holds the boundaries docs/modules.md describes ("Boundaries"): each module's manifest names the modules it uses, and
/// a module reads another module's tables only through the queries and services that module publishes, and writes
/// only its own. The second and third are read from the source, so a failure names the type and the file.
/// </summary>
public sealed class ModuleBoundaryTests
{
    /// <summary>
    /// The read sides (architecture notes, "Data"): compliance and the bi-annual reports count across every module's
    /// tables in set-based queries over the one context, so they may read other modules' tables directly. They still
    /// take the rules that decide what counts (current memberships, leads) from the owner, and never write.
    /// </summary>
    private static readonly string[] ReadSides = ["Compliance", "Reporting"];

    /// <summary>
    /// Entities a module may create for another module's service to store, by module, type and file. Self-registration
    /// builds the account it hands to ASP.NET Core Identity's <c>UserManager</c> (which Identity configures and which
    /// writes the Users table), so it can check the password against that account before anything is looked up.
    /// </summary>
    private static readonly (string Module, string Type, string File)[] HandedToOwner =
    [
        ("Agencies", "PortalUser", "src/Modules/TrainingPortal.Agencies/Services/PractitionerRegistration.cs"),
    ];

    private static readonly IReadOnlyList<IModule> Modules = ModuleCatalog.All;

    [Fact]
    public void Each_module_names_in_its_manifest_exactly_the_modules_it_uses_and_its_project_references()
    {
        var problems = new List<string>();
        foreach (var module in Modules)
        {
            var name = module.Manifest.Name;
            var used = ModulesUsedBy(module);
            var referenced = ModulesReferencedByProject(name);
            var declared = module.Manifest.Dependencies.ToHashSet();
            problems.AddRange(used.Except(declared).Select(m => $"{name} uses {m} but its manifest (Module.cs) does not name it"));
            problems.AddRange(declared.Except(used).Select(m => $"{name}'s manifest (Module.cs) names {m}, which it does not use"));
            problems.AddRange(used.Except(referenced).Select(m => $"{name} uses {m} without a project reference to it (TrainingPortal.{name}.csproj)"));
            problems.AddRange(referenced.Except(used).Select(m => $"TrainingPortal.{name}.csproj references {m}, which {name} does not use"));
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void A_module_reads_another_modules_tables_only_through_what_the_owner_publishes()
    {
        var owners = EntityOwners();
        var reads = Modules.Select(m => m.Manifest.Name).Except(ReadSides)
            .SelectMany(module => SourceFiles(module).SelectMany(file => TableReads(module, file, owners)))
            .ToList();
        Assert.True(reads.Count == 0,
            "Read another module's table through the queries or services it publishes (for Agencies: MembershipQueries, "
            + "AgencyQueries, AgencyLeads; Catalogue: CourseVersionQueries, TrainingRecordQueries; Identity: AccountQueries):"
            + Environment.NewLine + string.Join(Environment.NewLine, reads));
    }

    [Fact]
    public void No_module_writes_another_modules_tables()
    {
        var owners = EntityOwners();
        var writes = Modules.Select(m => m.Manifest.Name)
            .SelectMany(module => SourceFiles(module).SelectMany(file => TableWrites(module, file, owners)))
            .ToList();
        Assert.True(writes.Count == 0,
            "Ask the owning module's service to make the change:" + Environment.NewLine + string.Join(Environment.NewLine, writes));
    }

    [Fact]
    public void The_source_check_finds_a_read_and_a_write_of_another_modules_table_and_nothing_in_comments_or_text()
    {
        var owners = new Dictionary<string, string> { ["Practitioner"] = "Agencies", ["Booking"] = "Sessions" };
        var source = """
            using TrainingPortal.Agencies.Domain;
            // db.Set<Practitioner>() in a comment is not a read
            var text = "new Practitioner { } in a string is not a write";
            var names = db.Set<Practitioner>().Select(p => p.FirstName);
            var person = new Practitioner { FirstName = "A", LastName = "B" };
            var own = db.Set<Booking>().ToList();
            db.Set<Agencies.Domain.Practitioner>()
                .Add(person);
            """;
        var file = new SourceFile("Sessions/Services/Example.cs", Blank(source));

        Assert.Equal(
            ["Practitioner (Agencies) read in Sessions/Services/Example.cs:4", "Practitioner (Agencies) read in Sessions/Services/Example.cs:7"],
            TableReads("Sessions", file, owners));
        Assert.Equal(
            ["Practitioner (Agencies) created in Sessions/Services/Example.cs:5", "Practitioner (Agencies) changed in Sessions/Services/Example.cs:7"],
            TableWrites("Sessions", file, owners));
    }

    private sealed record SourceFile(string Path, string Code);

    private static readonly Regex SetOf = new(@"\bSet<\s*(?:[\w.]+\.)?(?<type>\w+)(?:<[^<>]*>)?\s*>\s*\(", RegexOptions.Compiled);

    private static readonly Regex NewOf = new(@"\bnew\s+(?<qualifier>(?:[\w]+\.)*)(?<type>\w+)\s*[({]", RegexOptions.Compiled);

    private static readonly Regex ChangeCall = new(@"^\s*(?:\.\s*\w+\s*\([^;{}]*?\)\s*)*?\.\s*(?:Add|AddRange|Attach|Update|UpdateRange|Remove|RemoveRange|ExecuteUpdate|ExecuteUpdateAsync|ExecuteDelete|ExecuteDeleteAsync)\s*\(", RegexOptions.Compiled);

    /// <summary>"TYPE (OWNER) read in FILE:LINE" for every <c>Set&lt;TYPE&gt;()</c> of an entity another module owns.</summary>
    private static IEnumerable<string> TableReads(string module, SourceFile file, IReadOnlyDictionary<string, string> owners) =>
        SetOf.Matches(file.Code)
            .Where(m => owners.TryGetValue(m.Groups["type"].Value, out var owner) && owner != module)
            .Select(m => $"{m.Groups["type"].Value} ({owners[m.Groups["type"].Value]}) read in {file.Path}:{LineOf(file.Code, m.Index)}");

    /// <summary>
    /// "TYPE (OWNER) created/changed in FILE:LINE" for a <c>new TYPE</c> of an entity another module owns (where the file
    /// can see the owner's Domain namespace), and for an Add, Update, Remove or ExecuteUpdate/Delete on its <c>Set&lt;TYPE&gt;()</c>.
    /// </summary>
    private static IEnumerable<string> TableWrites(string module, SourceFile file, IReadOnlyDictionary<string, string> owners)
    {
        foreach (Match m in NewOf.Matches(file.Code))
        {
            var type = m.Groups["type"].Value;
            if (owners.TryGetValue(type, out var owner) && owner != module && !HandedToOwner.Contains((module, type, file.Path))
                && (file.Code.Contains($"using TrainingPortal.{owner}.Domain;") || m.Groups["qualifier"].Value.EndsWith($"{owner}.Domain.")))
            {
                yield return $"{type} ({owner}) created in {file.Path}:{LineOf(file.Code, m.Index)}";
            }
        }
        foreach (Match m in SetOf.Matches(file.Code))
        {
            var type = m.Groups["type"].Value;
            if (owners.TryGetValue(type, out var owner) && owner != module && ChangeCall.IsMatch(RestOfStatement(file.Code, m.Index + m.Length)))
            {
                yield return $"{type} ({owner}) changed in {file.Path}:{LineOf(file.Code, m.Index)}";
            }
        }
    }

    /// <summary>From just after <c>Set&lt;T&gt;(</c> to the end of the statement, past the closing parenthesis.</summary>
    private static string RestOfStatement(string code, int afterOpening)
    {
        var end = code.IndexOf(';', afterOpening);
        var rest = code[afterOpening..(end < 0 ? code.Length : end)];
        return rest.StartsWith(')') ? rest[1..] : rest;
    }

    private static int LineOf(string code, int index) => code.AsSpan(0, index).Count('\n') + 1;

    /// <summary>
    /// Which module owns each entity, by its type name: the module whose assembly declares the type, or, for a library's
    /// types (ASP.NET Core Identity's join tables, OpenIddict's), the module that maps them.
    /// </summary>
    private static IReadOnlyDictionary<string, string> EntityOwners()
    {
        var byAssembly = Modules.ToDictionary(m => m.GetType().Assembly, m => m.Manifest.Name);
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var db = new PortalDbContext(options, new PortalModelSources(byAssembly.Keys.ToList()));
        var owners = new Dictionary<string, string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.HasSharedClrType && !e.IsOwned()))
        {
            var type = entity.ClrType;
            var owner = byAssembly.GetValueOrDefault(type.Assembly) ?? MapperOf(type, byAssembly);
            if (owner is not null)
            {
                var name = type.IsGenericType ? type.Name[..type.Name.IndexOf('`')] : type.Name;
                Assert.True(owners.TryAdd(name, owner) || owners[name] == owner, $"Two modules have an entity called {name}");
            }
        }
        Assert.Contains("AgencyMembership", owners.Keys);
        return owners;
    }

    /// <summary>The module whose <see cref="IModelContribution"/> maps a library's entity type.</summary>
    private static string? MapperOf(Type entityType, IReadOnlyDictionary<Assembly, string> modules)
    {
        foreach (var (assembly, module) in modules)
        {
            foreach (var contribution in assembly.GetTypes().Where(t => typeof(IModelContribution).IsAssignableFrom(t) && !t.IsAbstract))
            {
                var builder = new ModelBuilder();
                ((IModelContribution)Activator.CreateInstance(contribution, nonPublic: true)!).Configure(builder);
                if (builder.Model.FindEntityType(entityType) is not null)
                {
                    return module;
                }
            }
        }
        return null;
    }

    /// <summary>The other modules whose types the module's compiled assembly refers to.</summary>
    private static HashSet<string> ModulesUsedBy(IModule module)
    {
        var names = Modules.ToDictionary(m => m.GetType().Assembly.GetName().Name!, m => m.Manifest.Name);
        return module.GetType().Assembly.GetReferencedAssemblies()
            .Select(a => names.GetValueOrDefault(a.Name!))
            .OfType<string>()
            .Where(m => m != module.Manifest.Name)
            .ToHashSet();
    }

    /// <summary>The other modules the module's project file references.</summary>
    private static HashSet<string> ModulesReferencedByProject(string module)
    {
        var project = Path.Combine(ModuleFolder(module), $"TrainingPortal.{module}.csproj");
        var modules = Modules.Select(m => m.Manifest.Name).ToHashSet();
        return XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .Select(n => n.StartsWith("TrainingPortal.") ? n["TrainingPortal.".Length..] : n)
            .Where(modules.Contains)
            .ToHashSet();
    }

    /// <summary>
    /// The module's C# and Razor files, with comments and the text of string literals blanked out (lines kept, so line
    /// numbers hold). Data/ is left out: entity configurations declare foreign keys to other modules' tables.
    /// </summary>
    private static IEnumerable<SourceFile> SourceFiles(string module)
    {
        var root = RepositoryRoot();
        var folder = ModuleFolder(module);
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".cshtml"))
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !Regex.IsMatch(f, $@"^src/Modules/TrainingPortal\.{module}/(Data|bin|obj)/"))
            .ToList();
        Assert.NotEmpty(files);
        return files.Select(f => new SourceFile(f, Blank(File.ReadAllText(Path.Combine(root, f)))));
    }

    private static readonly Regex CommentsAndText = new(
        "\"\"\"[\\s\\S]*?\"\"\"|@\"(?:\"\"|[^\"])*\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])'|//[^\\n]*|/\\*[\\s\\S]*?\\*/|@\\*[\\s\\S]*?\\*@",
        RegexOptions.Compiled);

    private static string Blank(string code) =>
        CommentsAndText.Replace(code, m => Regex.Replace(m.Value, "[^\\n]", " "));

    private static string ModuleFolder(string module) => Path.Combine(RepositoryRoot(), "src", "Modules", $"TrainingPortal.{module}");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TrainingPortal.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("The tests run outside the repository: TrainingPortal.sln was not found above " + AppContext.BaseDirectory);
    }
}
