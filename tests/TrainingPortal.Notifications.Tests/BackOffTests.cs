using TrainingPortal.Notifications.Domain;

namespace TrainingPortal.Notifications.Tests;

public class BackOffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(7, 64)]
    [InlineData(9, 256)]
    public void The_wait_after_each_failure_doubles_from_one_minute(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxMessage.BackOffAfter(attempts));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(1000)]
    public void The_wait_is_never_more_than_six_hours(int attempts)
    {
        Assert.Equal(TimeSpan.FromHours(6), OutboxMessage.BackOffAfter(attempts));
    }

    [Fact]
    public void Before_any_failure_the_wait_is_one_minute()
    {
        Assert.Equal(TimeSpan.FromMinutes(1), OutboxMessage.BackOffAfter(0));
    }
}
