using System.Text.RegularExpressions;

namespace TrainingPortal.IntegrationTests.RouteAccess;

/// <summary>What someone who may use a route gets back from it.</summary>
public enum Answer
{
    /// <summary>200: the page, file or JSON.</summary>
    Ok,

    /// <summary>302 to somewhere in the site other than the sign-in page.</summary>
    Redirect,

    /// <summary>200, or 302 elsewhere in the site: pages that send people on when there is nothing there for them yet.</summary>
    OkOrRedirect,

    /// <summary>302 to the sign-in page: pages that only make sense part-way through signing in.</summary>
    SignIn,

    /// <summary>403: the "no access" page itself.</summary>
    Forbidden,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>400.</summary>
    BadRequest,
}

/// <summary>
/// Who may use a route: the roles let in, and which of them also get another agency's or another person's data
/// through it. The rest of those let in get 403 or 404 for someone else's ids; everyone else gets 403, and
/// anonymous callers are sent to sign in (401 under <c>/api</c>).
/// </summary>
public sealed record Who(string Name, IReadOnlySet<string> Roles, IReadOnlySet<string> SeeOthers, bool IsPublic = false)
{
    /// <summary>Anyone, signed in or not.</summary>
    public static Who Anyone { get; } = new("anyone", Set(Core.Security.Roles.All), Set(Core.Security.Roles.All), IsPublic: true);

    /// <summary>No role at all: for "nobody may see someone else's".</summary>
    public static Who Nobody { get; } = new("nobody", Set([]), Set([]));

    public static Who Only(string name, params string[] roles) => new(name, Set(roles), Set(roles));

    /// <summary>Of the roles let in, only <paramref name="who"/> get another agency's or person's data here.</summary>
    public Who OthersOnlyFor(Who who) =>
        this with { Name = $"{Name}, others' data only for {who.Name}", SeeOthers = Set(Roles.Intersect(who.Roles)) };

    public override string ToString() => Name;

    private static HashSet<string> Set(IEnumerable<string> roles) => new(roles, StringComparer.Ordinal);
}

/// <summary>
/// One line of <see cref="RouteAccessTable"/>: a route as the app maps it ("GET /agencies/{id:guid}", with
/// "?handler=Name" for a Razor Page's named handler), who may use it, and the address to try, with
/// <c>{Token}</c>s that <see cref="OtherPeoplesData"/> fills with real ids belonging to someone else.
/// </summary>
public sealed partial record RouteRule(string Route, Who Who, string? Url = null)
{
    public string Method => Route[..Route.IndexOf(' ')];

    public string Pattern => Route[(Route.IndexOf(' ') + 1)..];

    /// <summary>What those who may use the route (and see what the address points at) get.</summary>
    public Answer Ok { get; init; } = Answer.Ok;

    /// <summary>What those who see everyone's data get when the address's ids exist nowhere.</summary>
    public Answer Missing { get; init; } = Answer.NotFound;

    /// <summary>
    /// An address in the safeguarding lead's own agency that points at someone or something that is not theirs
    /// (another agency's member of staff or import): everyone let in gets 404, the training unit included.
    /// </summary>
    public string? NotTheirsUrl { get; init; }

    /// <summary>Other addresses for the same route, with who may see what each points at.</summary>
    public IReadOnlyList<(string Url, Who Who)> AlsoAt { get; init; } = [];

    /// <summary>Form fields sent with a POST (the antiforgery token is added).</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    /// <summary>The route shows another person's name to people outside the training unit by design (the public certificate check).</summary>
    public bool NamesPeopleByDesign { get; init; }

    public bool IsRead => Method == "GET";

    /// <summary>
    /// The addresses to try, each with who may see what it points at and what they get: <see cref="Url"/> (or the
    /// pattern itself when it has no parameters), then <see cref="NotTheirsUrl"/> and <see cref="AlsoAt"/>.
    /// </summary>
    public IEnumerable<(string Url, Who Who, Answer Ok)> Probes()
    {
        var path = Pattern.Contains('?') ? Pattern[..Pattern.IndexOf('?')] : Pattern;
        yield return (WithHandler(Url ?? (path.Contains('{') ? throw new InvalidOperationException($"{Route} has route parameters: give its line an address to try.") : path)), Who, Ok);
        if (NotTheirsUrl is not null)
        {
            yield return (WithHandler(NotTheirsUrl), Who with { SeeOthers = Who.Roles }, Answer.NotFound);
        }
        foreach (var (url, who) in AlsoAt)
        {
            yield return (WithHandler(url), who, Ok);
        }
    }

    private string WithHandler(string url)
    {
        var handler = Pattern.Contains("?handler=", StringComparison.Ordinal) ? Pattern[(Pattern.IndexOf("?handler=", StringComparison.Ordinal) + 1)..] : null;
        return handler is null || url.Contains("handler=", StringComparison.Ordinal) ? url : url + (url.Contains('?') ? "&" : "?") + handler;
    }

    /// <summary>The tokens an address uses.</summary>
    public static IEnumerable<string> TokensIn(string url) => TokenPattern().Matches(url).Select(m => m.Groups[1].Value);

    /// <summary>Replaces each <c>{Token}</c> in an address (escaped) or a form field (as it is) with its value.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values, bool escape = true) =>
        TokenPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var value)
            ? escape ? Uri.EscapeDataString(value) : value
            : throw new InvalidOperationException($"No value for {{{m.Groups[1].Value}}} in {text}: add it to {nameof(OtherPeoplesData)}."));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex TokenPattern();
}
