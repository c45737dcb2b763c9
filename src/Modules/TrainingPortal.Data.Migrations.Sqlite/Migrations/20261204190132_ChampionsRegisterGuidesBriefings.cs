using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingPortal.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChampionsRegisterGuidesBriefings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Champions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AreaOfInterest = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Champions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Champions_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Champions_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SevenMinuteGuides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AuthorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewReminderSentFor = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SevenMinuteGuides", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SevenMinuteGuides_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SevenMinuteGuides_Users_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChampionSpells",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChampionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NominatedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NominatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChampionSpells", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChampionSpells_Champions_ChampionId",
                        column: x => x.ChampionId,
                        principalTable: "Champions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuideVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuideId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WhatItIs = table.Column<string>(type: "TEXT", nullable: true),
                    WhyItMatters = table.Column<string>(type: "TEXT", nullable: true),
                    WhatResearchSays = table.Column<string>(type: "TEXT", nullable: true),
                    WhatToLookFor = table.Column<string>(type: "TEXT", nullable: true),
                    WhatToDo = table.Column<string>(type: "TEXT", nullable: true),
                    QuestionsForReflection = table.Column<string>(type: "TEXT", nullable: true),
                    FurtherReading = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewComments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByUserId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CourseVersionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuideVersions_CourseVersions_CourseVersionId",
                        column: x => x.CourseVersionId,
                        principalTable: "CourseVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuideVersions_SevenMinuteGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "SevenMinuteGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuideId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GuideVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Team = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeliveredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DiscussionNotes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedByUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingLogs_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BriefingLogs_GuideVersions_GuideVersionId",
                        column: x => x.GuideVersionId,
                        principalTable: "GuideVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_BriefingLogs_SevenMinuteGuides_GuideId",
                        column: x => x.GuideId,
                        principalTable: "SevenMinuteGuides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuideSectors",
                columns: table => new
                {
                    GuideVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideSectors", x => new { x.GuideVersionId, x.SectorId });
                    table.ForeignKey(
                        name: "FK_GuideSectors_GuideVersions_GuideVersionId",
                        column: x => x.GuideVersionId,
                        principalTable: "GuideVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_GuideSectors_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GuideTags",
                columns: table => new
                {
                    GuideVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Tag = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuideTags", x => new { x.GuideVersionId, x.Tag });
                    table.ForeignKey(
                        name: "FK_GuideTags_GuideVersions_GuideVersionId",
                        column: x => x.GuideVersionId,
                        principalTable: "GuideVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BriefingLogId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingActions_BriefingLogs_BriefingLogId",
                        column: x => x.BriefingLogId,
                        principalTable: "BriefingLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingAttendees",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BriefingLogId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TrainingRecordId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingAttendees_BriefingLogs_BriefingLogId",
                        column: x => x.BriefingLogId,
                        principalTable: "BriefingLogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BriefingAttendees_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_BriefingAttendees_TrainingRecords_TrainingRecordId",
                        column: x => x.TrainingRecordId,
                        principalTable: "TrainingRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingActions_BriefingLogId",
                table: "BriefingActions",
                column: "BriefingLogId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingActions_DoneOn_DueOn",
                table: "BriefingActions",
                columns: new[] { "DoneOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingAttendees_BriefingLogId_PractitionerId",
                table: "BriefingAttendees",
                columns: new[] { "BriefingLogId", "PractitionerId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BriefingAttendees_PractitionerId",
                table: "BriefingAttendees",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingAttendees_TrainingRecordId",
                table: "BriefingAttendees",
                column: "TrainingRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingLogs_AgencyId_DeliveredOn",
                table: "BriefingLogs",
                columns: new[] { "AgencyId", "DeliveredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_BriefingLogs_DeliveredOn",
                table: "BriefingLogs",
                column: "DeliveredOn");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingLogs_GuideId",
                table: "BriefingLogs",
                column: "GuideId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingLogs_GuideVersionId",
                table: "BriefingLogs",
                column: "GuideVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Champions_AgencyId",
                table: "Champions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_Champions_PractitionerId_AgencyId",
                table: "Champions",
                columns: new[] { "PractitionerId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChampionSpells_ChampionId_StartDate",
                table: "ChampionSpells",
                columns: new[] { "ChampionId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChampionSpells_OneOpenSpell",
                table: "ChampionSpells",
                column: "ChampionId",
                unique: true,
                filter: "\"Status\" IN ('Nominated', 'Active')");

            migrationBuilder.CreateIndex(
                name: "IX_GuideSectors_SectorId",
                table: "GuideSectors",
                column: "SectorId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideTags_Tag",
                table: "GuideTags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_GuideVersions_CourseVersionId",
                table: "GuideVersions",
                column: "CourseVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_GuideVersions_GuideId_Number",
                table: "GuideVersions",
                columns: new[] { "GuideId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuideVersions_Status_PublishedAt",
                table: "GuideVersions",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SevenMinuteGuides_AuthorUserId",
                table: "SevenMinuteGuides",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_SevenMinuteGuides_CourseId",
                table: "SevenMinuteGuides",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_SevenMinuteGuides_Number",
                table: "SevenMinuteGuides",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BriefingActions");

            migrationBuilder.DropTable(
                name: "BriefingAttendees");

            migrationBuilder.DropTable(
                name: "ChampionSpells");

            migrationBuilder.DropTable(
                name: "GuideSectors");

            migrationBuilder.DropTable(
                name: "GuideTags");

            migrationBuilder.DropTable(
                name: "BriefingLogs");

            migrationBuilder.DropTable(
                name: "Champions");

            migrationBuilder.DropTable(
                name: "GuideVersions");

            migrationBuilder.DropTable(
                name: "SevenMinuteGuides");
        }
    }
}
