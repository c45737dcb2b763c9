using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TrainingNeedsAnalysis : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TrainingNeedsAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartYear = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedByUserId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingNeedsAnalyses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TnaSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReopenedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReopenReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TnaSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TnaSubmissions_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TnaSubmissions_TrainingNeedsAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "TrainingNeedsAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TnaFigures",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkforceGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequirementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Computed = table.Column<int>(type: "INTEGER", nullable: false),
                    Adjusted = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TnaFigures", x => new { x.SubmissionId, x.WorkforceGroupId, x.RequirementId });
                    table.CheckConstraint("CK_TnaFigures_Adjusted", "\"Adjusted\" IS NULL OR \"Adjusted\" >= 0");
                    table.CheckConstraint("CK_TnaFigures_Computed", "\"Computed\" >= 0");
                    table.ForeignKey(
                        name: "FK_TnaFigures_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TnaFigures_TnaSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "TnaSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TnaFigures_WorkforceGroups_WorkforceGroupId",
                        column: x => x.WorkforceGroupId,
                        principalTable: "WorkforceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TnaPlannedStarters",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkforceGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TnaPlannedStarters", x => new { x.SubmissionId, x.WorkforceGroupId });
                    table.CheckConstraint("CK_TnaPlannedStarters_Count", "\"Count\" >= 0");
                    table.ForeignKey(
                        name: "FK_TnaPlannedStarters_TnaSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "TnaSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TnaPlannedStarters_WorkforceGroups_WorkforceGroupId",
                        column: x => x.WorkforceGroupId,
                        principalTable: "WorkforceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TnaFigures_RequirementId",
                table: "TnaFigures",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_TnaFigures_WorkforceGroupId",
                table: "TnaFigures",
                column: "WorkforceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_TnaPlannedStarters_WorkforceGroupId",
                table: "TnaPlannedStarters",
                column: "WorkforceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_TnaSubmissions_AgencyId",
                table: "TnaSubmissions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TnaSubmissions_AnalysisId_AgencyId",
                table: "TnaSubmissions",
                columns: new[] { "AnalysisId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingNeedsAnalyses_StartYear",
                table: "TrainingNeedsAnalyses",
                column: "StartYear",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TnaFigures");

            migrationBuilder.DropTable(
                name: "TnaPlannedStarters");

            migrationBuilder.DropTable(
                name: "TnaSubmissions");

            migrationBuilder.DropTable(
                name: "TrainingNeedsAnalyses");
        }
    }
}
