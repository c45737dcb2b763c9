using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BiAnnualReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReportsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BiAnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Workbook = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BiAnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BiAnnualReports_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BiAnnualReports_ReportRuns_RunId",
                        column: x => x.RunId,
                        principalTable: "ReportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BiAnnualReports_AgencyId",
                table: "BiAnnualReports",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_BiAnnualReports_PartnershipPeriod",
                table: "BiAnnualReports",
                column: "PeriodStart",
                unique: true,
                filter: "\"AgencyId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BiAnnualReports_PeriodStart_AgencyId",
                table: "BiAnnualReports",
                columns: new[] { "PeriodStart", "AgencyId" },
                unique: true,
                filter: "\"AgencyId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_BiAnnualReports_RunId",
                table: "BiAnnualReports",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportRuns_PeriodStart_RequestedAt",
                table: "ReportRuns",
                columns: new[] { "PeriodStart", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BiAnnualReports");

            migrationBuilder.DropTable(
                name: "ReportRuns");
        }
    }
}
