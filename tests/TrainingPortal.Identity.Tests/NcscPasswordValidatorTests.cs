using Microsoft.AspNetCore.Identity;
using TrainingPortal.Identity.Domain;
using TrainingPortal.Identity.Services;

namespace TrainingPortal.Identity.Tests;

/// <summary>The validator never uses the UserManager it is given, so these tests pass none.</summary>
public class NcscPasswordValidatorTests
{
    private static readonly PortalUser Jane = new() { FirstName = "Jane", LastName = "Okafor", Email = "jane.okafor@northshire.example", UserName = "jane.okafor@northshire.example" };

    [Theory]
    [InlineData("amber otter violin")]
    [InlineData("amber-otter-violin")]
    [InlineData("AmberOtterViolin")]
    public async Task Three_random_words_are_accepted_without_digits_or_symbols(string password)
    {
        Assert.True((await ValidateAsync(password)).Succeeded);
    }

    [Fact]
    public async Task A_password_of_exactly_12_characters_is_long_enough()
    {
        Assert.True((await ValidateAsync("plumriverfox")).Succeeded);
    }

    [Fact]
    public async Task A_password_shorter_than_12_characters_is_refused_with_the_three_words_hint()
    {
        var error = Assert.Single((await ValidateAsync("plumriverfo")).Errors);

        Assert.Equal("PasswordTooShort", error.Code);
        Assert.Equal("Password must be 12 characters or more. Three random words make a strong password.", error.Description);
    }

    [Fact]
    public async Task A_password_of_128_characters_is_accepted_but_129_is_refused_as_too_long()
    {
        var longest = string.Concat(Enumerable.Repeat("amber-otter-violin-", 6)).PadRight(128, 'x');
        Assert.Equal(128, longest.Length);

        Assert.True((await ValidateAsync(longest)).Succeeded);
        var error = Assert.Single((await ValidateAsync(longest + "y")).Errors);
        Assert.Equal("PasswordTooLong", error.Code);
        Assert.Equal("Password must be 128 characters or fewer.", error.Description);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("safeguarding")]
    [InlineData("correcthorsebatterystaple")]
    public async Task A_password_on_the_deny_list_is_refused_as_too_easy_to_guess_whatever_its_case(string password)
    {
        var error = Assert.Single((await ValidateAsync(password)).Errors);

        Assert.Equal("PasswordTooCommon", error.Code);
        Assert.Equal("That password is too easy to guess. Choose a different one.", error.Description);
    }

    [Theory]
    [InlineData("zzzzzzzzzzzzzzzz")]
    [InlineData("abababababababab")]
    public async Task A_long_password_of_one_or_two_repeated_characters_is_refused_as_too_easy_to_guess(string password)
    {
        Assert.Equal("PasswordTooCommon", Assert.Single((await ValidateAsync(password)).Errors).Code);
    }

    [Theory]
    [InlineData("jane.okafor-garden-gate")]
    [InlineData("my name is JANE.OKAFOR!")]
    public async Task A_password_containing_the_persons_email_name_is_refused(string password)
    {
        var error = Assert.Single((await ValidateAsync(password)).Errors);

        Assert.Equal("PasswordContainsEmail", error.Code);
        Assert.Equal("Password must not contain your email address.", error.Description);
    }

    [Fact]
    public async Task An_email_name_under_four_letters_does_not_block_passwords_that_happen_to_contain_it()
    {
        var al = new PortalUser { FirstName = "Al", LastName = "Reid", Email = "al@northshire.example" };

        Assert.True((await ValidateAsync("always-alert-albatross", al)).Succeeded);
    }

    [Fact]
    public async Task An_account_without_an_email_is_checked_on_length_and_guessability_only()
    {
        var noEmail = new PortalUser { FirstName = "Pat", LastName = "Doe" };

        Assert.True((await ValidateAsync("amber-otter-violin", noEmail)).Succeeded);
        Assert.Equal("PasswordTooShort", Assert.Single((await ValidateAsync("short", noEmail)).Errors).Code);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var codes = (await ValidateAsync("janeokafor", new PortalUser { FirstName = "Jane", LastName = "Okafor", Email = "janeokafor@x.example" }))
            .Errors.Select(e => e.Code);

        Assert.Equal(["PasswordTooShort", "PasswordContainsEmail"], codes);
    }

    [Fact]
    public async Task No_password_at_all_is_refused_as_too_short()
    {
        Assert.Contains("PasswordTooShort", (await ValidateAsync(null)).Errors.Select(e => e.Code));
    }

    private static Task<IdentityResult> ValidateAsync(string? password, PortalUser? user = null) =>
        new NcscPasswordValidator().ValidateAsync(null!, user ?? Jane, password);
}
