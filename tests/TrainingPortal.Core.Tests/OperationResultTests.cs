using Microsoft.AspNetCore.Mvc.ModelBinding;
using TrainingPortal.Core.Results;

namespace TrainingPortal.Core.Tests;

public class OperationResultTests
{
    [Fact]
    public void A_successful_result_has_no_errors()
    {
        Assert.True(OperationResult.Success.Succeeded);
        Assert.Empty(OperationResult.Success.Errors);
    }

    [Fact]
    public void A_refusal_says_which_field_and_what_to_do()
    {
        var result = OperationResult.Failed("Email", "Enter an email address");

        Assert.False(result.Succeeded);
        Assert.Equal(new FieldError("Email", "Enter an email address"), Assert.Single(result.Errors));
    }

    [Fact]
    public void A_result_with_a_value_carries_it_only_when_it_succeeds()
    {
        var ok = OperationResult<int>.Ok(42);
        var refused = OperationResult<int>.Failed("Name", "Enter a name");

        Assert.True(ok.Succeeded);
        Assert.Equal(42, ok.Value);
        Assert.False(refused.Succeeded);
        Assert.Equal(0, refused.Value);
        Assert.Equal("Enter a name", Assert.Single(refused.Errors).Message);
    }

    [Fact]
    public void Field_errors_land_on_the_bound_input_fields_when_a_prefix_is_given()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddErrors(OperationResult.Failed([new("Email", "Enter an email address"), new("LastName", "Enter a last name")]), "Input");

        Assert.Equal("Enter an email address", Assert.Single(modelState["Input.Email"]!.Errors).ErrorMessage);
        Assert.Equal("Enter a last name", Assert.Single(modelState["Input.LastName"]!.Errors).ErrorMessage);
        Assert.False(modelState.IsValid);
    }

    [Fact]
    public void Field_errors_land_on_the_plain_field_name_without_a_prefix()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddErrors(OperationResult.Failed("Email", "Enter an email address"));

        Assert.Equal("Enter an email address", Assert.Single(modelState["Email"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void An_error_about_the_whole_form_stays_unprefixed_so_the_summary_shows_it_without_a_field_link()
    {
        var modelState = new ModelStateDictionary();

        modelState.AddErrors(OperationResult.Failed("", "That person is not on this agency's staff list."), "Input");

        Assert.Equal("That person is not on this agency's staff list.", Assert.Single(modelState[string.Empty]!.Errors).ErrorMessage);
        Assert.DoesNotContain("Input.", modelState.Keys);
    }
}
