using TrainingPortal.Web.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddTrainingPortal();
var app = builder.Build();
app.UseTrainingPortal();

if (args is ["seed-scale", ..])
{
    return await ScaleSeeding.RunAsync(app, args[1..]);
}

await app.InitialiseAsync();
await app.RunAsync();
return 0;

public partial class Program;
