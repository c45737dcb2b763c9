using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TrainingPortal.Data.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceRequirements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Requirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Requirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplianceSnapshots",
                columns: table => new
                {
                    AsAt = table.Column<DateOnly>(type: "date", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequirementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Met = table.Column<int>(type: "integer", nullable: false),
                    DueSoon = table.Column<int>(type: "integer", nullable: false),
                    Expired = table.Column<int>(type: "integer", nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    TakenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplianceSnapshots", x => new { x.AsAt, x.AgencyId, x.RequirementId });
                    table.ForeignKey(
                        name: "FK_ComplianceSnapshots_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ComplianceSnapshots_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequirementCourses",
                columns: table => new
                {
                    RequirementId = table.Column<Guid>(type: "uuid", nullable: false),
                    CourseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementCourses", x => new { x.RequirementId, x.CourseId });
                    table.ForeignKey(
                        name: "FK_RequirementCourses_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RequirementCourses_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequirementGroups",
                columns: table => new
                {
                    RequirementId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkforceGroupId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementGroups", x => new { x.RequirementId, x.WorkforceGroupId });
                    table.ForeignKey(
                        name: "FK_RequirementGroups_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequirementGroups_WorkforceGroups_WorkforceGroupId",
                        column: x => x.WorkforceGroupId,
                        principalTable: "WorkforceGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceSnapshots_AgencyId",
                table: "ComplianceSnapshots",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ComplianceSnapshots_RequirementId",
                table: "ComplianceSnapshots",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementCourses_CourseId",
                table: "RequirementCourses",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementGroups_WorkforceGroupId",
                table: "RequirementGroups",
                column: "WorkforceGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_Requirements_Name",
                table: "Requirements",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ComplianceSnapshots");

            migrationBuilder.DropTable(
                name: "RequirementCourses");

            migrationBuilder.DropTable(
                name: "RequirementGroups");

            migrationBuilder.DropTable(
                name: "Requirements");
        }
    }
}
