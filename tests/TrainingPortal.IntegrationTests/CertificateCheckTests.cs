using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrainingPortal.Catalogue.Domain;
using TrainingPortal.Data;

namespace TrainingPortal.IntegrationTests;

/// <summary>The public certificate check answers with the status a caller can rely on.</summary>
public class CertificateCheckTests
{
    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_real_number_is_found_and_an_unknown_or_malformed_one_is_not_found_on_the_same_page(TestDatabase database)
    {
        await using var app = await PortalApp.StartAsync(new PortalAppOptions { Database = database, Recipe = "demo" });
        var number = await app.InScopeAsync(services => services.GetRequiredService<PortalDbContext>().Set<TrainingRecord>()
            .Where(r => r.Status == RecordStatus.Approved).Select(r => r.CertificateNumber).FirstAsync());
        var anonymous = app.CreateBrowserlikeClient();

        var real = await anonymous.GetAsync($"/certificates/verify/{number}");
        Assert.Equal(HttpStatusCode.OK, real.StatusCode);
        Assert.Contains("govuk-panel__title", await real.Content.ReadAsStringAsync());

        var unknownNumber = number[..^1] + (number[^1] == '2' ? '3' : '2');
        foreach (var url in new[] { $"/certificates/verify/{unknownNumber}", "/certificates/verify/not-a-number", $"/certificates/verify?number={unknownNumber}" })
        {
            var missing = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var page = await missing.Content.ReadAsStringAsync();
            Assert.Contains("<h1 class=\"govuk-heading-l\">Check a certificate</h1>", page);
            Assert.Contains("We cannot find a certificate with the number", page);
            Assert.Contains("<label class=\"govuk-label govuk-label--s\" for=\"number\">Certificate number</label>", page);
            Assert.DoesNotContain("govuk-panel__title", page);
        }

        var form = await anonymous.GetAsync("/certificates/verify");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.DoesNotContain("We cannot find", await form.Content.ReadAsStringAsync());
    }
}
