using WebApi;

var app = SubjectsApi.Build(args);
await app.RunAsync();
