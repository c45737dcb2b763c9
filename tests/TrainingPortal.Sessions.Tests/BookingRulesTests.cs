using TrainingPortal.Sessions.Domain;

namespace TrainingPortal.Sessions.Tests;

public sealed class BookingRulesTests
{
    public static TheoryData<BookingStatus, BookingStatus> AllowedMoves => new()
    {
        { BookingStatus.Requested, BookingStatus.Booked },
        { BookingStatus.Requested, BookingStatus.Waitlisted },
        { BookingStatus.Requested, BookingStatus.Declined },
        { BookingStatus.Requested, BookingStatus.Cancelled },
        { BookingStatus.Requested, BookingStatus.SessionCancelled },
        { BookingStatus.Booked, BookingStatus.Cancelled },
        { BookingStatus.Booked, BookingStatus.LateCancelled },
        { BookingStatus.Booked, BookingStatus.Attended },
        { BookingStatus.Booked, BookingStatus.PartiallyAttended },
        { BookingStatus.Booked, BookingStatus.DidNotAttend },
        { BookingStatus.Booked, BookingStatus.SessionCancelled },
        { BookingStatus.Waitlisted, BookingStatus.Booked },
        { BookingStatus.Waitlisted, BookingStatus.Cancelled },
        { BookingStatus.Waitlisted, BookingStatus.SessionCancelled },
        { BookingStatus.Attended, BookingStatus.DidNotAttend },
        { BookingStatus.Attended, BookingStatus.PartiallyAttended },
        { BookingStatus.DidNotAttend, BookingStatus.Attended },
        { BookingStatus.PartiallyAttended, BookingStatus.Attended },
    };

    public static TheoryData<BookingStatus, BookingStatus> RefusedMoves => new()
    {
        // Waiting for approval holds no place, so it cannot be marked on the register.
        { BookingStatus.Requested, BookingStatus.Attended },
        { BookingStatus.Requested, BookingStatus.LateCancelled },
        // Only a held place can be cancelled late.
        { BookingStatus.Waitlisted, BookingStatus.LateCancelled },
        { BookingStatus.Waitlisted, BookingStatus.Attended },
        { BookingStatus.Waitlisted, BookingStatus.Declined },
        { BookingStatus.Booked, BookingStatus.Waitlisted },
        { BookingStatus.Booked, BookingStatus.Requested },
        { BookingStatus.Booked, BookingStatus.Declined },
        // Ended bookings stay ended.
        { BookingStatus.Cancelled, BookingStatus.Booked },
        { BookingStatus.Cancelled, BookingStatus.Waitlisted },
        { BookingStatus.LateCancelled, BookingStatus.Booked },
        { BookingStatus.LateCancelled, BookingStatus.Cancelled },
        { BookingStatus.Declined, BookingStatus.Booked },
        { BookingStatus.Declined, BookingStatus.Requested },
        { BookingStatus.SessionCancelled, BookingStatus.Booked },
        // Attendance cannot be undone into a cancellation.
        { BookingStatus.Attended, BookingStatus.Cancelled },
        { BookingStatus.Attended, BookingStatus.LateCancelled },
        { BookingStatus.DidNotAttend, BookingStatus.Cancelled },
        { BookingStatus.Attended, BookingStatus.Booked },
    };

    [Theory]
    [MemberData(nameof(AllowedMoves))]
    public void A_booking_may_move_along_the_booking_journey(BookingStatus from, BookingStatus to) =>
        Assert.True(BookingRules.CanMove(from, to));

    [Theory]
    [MemberData(nameof(RefusedMoves))]
    public void A_booking_may_not_skip_or_reverse_the_booking_journey(BookingStatus from, BookingStatus to) =>
        Assert.False(BookingRules.CanMove(from, to));

    [Fact]
    public void No_status_moves_to_itself()
    {
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            Assert.False(BookingRules.CanMove(status, status), $"{status} to itself");
        }
    }

    [Theory]
    [InlineData(BookingStatus.Booked, true)]
    [InlineData(BookingStatus.Attended, true)]
    [InlineData(BookingStatus.PartiallyAttended, true)]
    [InlineData(BookingStatus.DidNotAttend, true)]
    [InlineData(BookingStatus.Requested, false)]
    [InlineData(BookingStatus.Waitlisted, false)]
    [InlineData(BookingStatus.Declined, false)]
    [InlineData(BookingStatus.Cancelled, false)]
    [InlineData(BookingStatus.LateCancelled, false)]
    [InlineData(BookingStatus.SessionCancelled, false)]
    public void Only_a_booked_or_marked_place_takes_one_of_the_sessions_places(BookingStatus status, bool holdsPlace)
    {
        Assert.Equal(holdsPlace, BookingRules.HoldsPlace(status));
        Assert.Equal(holdsPlace, new Booking { Status = status }.HoldsPlace);
    }

    [Theory]
    [InlineData(BookingStatus.Requested, true)]
    [InlineData(BookingStatus.Waitlisted, true)]
    [InlineData(BookingStatus.Booked, true)]
    [InlineData(BookingStatus.Attended, true)]
    [InlineData(BookingStatus.PartiallyAttended, true)]
    [InlineData(BookingStatus.DidNotAttend, true)]
    [InlineData(BookingStatus.Declined, false)]
    [InlineData(BookingStatus.Cancelled, false)]
    [InlineData(BookingStatus.LateCancelled, false)]
    [InlineData(BookingStatus.SessionCancelled, false)]
    public void Someone_still_on_a_session_cannot_book_it_again_until_their_booking_ends(BookingStatus status, bool active)
    {
        Assert.Equal(active, BookingRules.IsActive(status));
        Assert.Equal(active, new Booking { Status = status }.IsActive);
        Assert.Equal(active, BookingRules.ActiveStatuses.Contains(status));
    }

    [Theory]
    [InlineData(-60, false)]
    [InlineData(-1, false)]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(48 * 60, true)]
    public void A_cancellation_is_late_when_less_than_the_window_is_left_before_the_start(int minutesIntoWindow, bool late)
    {
        var start = new DateTime(2026, 6, 10, 8, 30, 0, DateTimeKind.Utc);
        var window = TimeSpan.FromHours(48);
        var cancelledAt = start - window + TimeSpan.FromMinutes(minutesIntoWindow);

        Assert.Equal(late, BookingRules.IsLate(cancelledAt, start, window));
    }

    [Fact]
    public void One_tick_inside_the_window_is_late_and_exactly_at_its_edge_is_not()
    {
        var start = new DateTime(2026, 6, 10, 8, 30, 0, DateTimeKind.Utc);
        var window = TimeSpan.FromHours(48);

        Assert.False(BookingRules.IsLate(start - window, start, window));
        Assert.True(BookingRules.IsLate(start - window + TimeSpan.FromTicks(1), start, window));
        Assert.True(BookingRules.IsLate(start, start, window));
    }

    [Theory]
    [InlineData(AttendanceMark.Attended, BookingStatus.Attended)]
    [InlineData(AttendanceMark.Partial, BookingStatus.PartiallyAttended)]
    [InlineData(AttendanceMark.DidNotAttend, BookingStatus.DidNotAttend)]
    public void Each_register_mark_gives_its_status(AttendanceMark mark, BookingStatus status) =>
        Assert.Equal(status, BookingRules.StatusFor(mark));
}
