using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrainingRecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EmailedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationRequests_CourseVersions_CourseVersionId",
                        column: x => x.CourseVersionId,
                        principalTable: "CourseVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationRequests_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationRequests_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationRequests_TrainingRecords_TrainingRecordId",
                        column: x => x.TrainingRecordId,
                        principalTable: "TrainingRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationFollowUps",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReminderSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PracticeChange = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Example = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UseFrequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationFollowUps", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_EvaluationFollowUps_EvaluationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvaluationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationResponses",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OverallRating = table.Column<int>(type: "INTEGER", nullable: false),
                    DoingDifferently = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationResponses", x => x.RequestId);
                    table.CheckConstraint("CK_EvaluationResponses_Rating", "\"OverallRating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_EvaluationResponses_EvaluationRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvaluationRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationOutcomeConfidence",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OutcomeNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Before = table.Column<int>(type: "INTEGER", nullable: false),
                    After = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationOutcomeConfidence", x => new { x.RequestId, x.OutcomeNumber });
                    table.CheckConstraint("CK_EvaluationOutcomeConfidence_After", "\"After\" BETWEEN 1 AND 5");
                    table.CheckConstraint("CK_EvaluationOutcomeConfidence_Before", "\"Before\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_EvaluationOutcomeConfidence_EvaluationResponses_RequestId",
                        column: x => x.RequestId,
                        principalTable: "EvaluationResponses",
                        principalColumn: "RequestId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationFollowUps_Status_CreatedAt",
                table: "EvaluationFollowUps",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRequests_CompletedOn",
                table: "EvaluationRequests",
                column: "CompletedOn");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRequests_CourseId",
                table: "EvaluationRequests",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRequests_CourseVersionId_CompletedOn",
                table: "EvaluationRequests",
                columns: new[] { "CourseVersionId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRequests_PractitionerId_AnsweredAt",
                table: "EvaluationRequests",
                columns: new[] { "PractitionerId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationRequests_TrainingRecordId",
                table: "EvaluationRequests",
                column: "TrainingRecordId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationFollowUps");

            migrationBuilder.DropTable(
                name: "EvaluationOutcomeConfidence");

            migrationBuilder.DropTable(
                name: "EvaluationResponses");

            migrationBuilder.DropTable(
                name: "EvaluationRequests");
        }
    }
}
