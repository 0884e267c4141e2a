using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Demo;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core;

/// <summary>Everything the web app and the CLI share: the database, the clock and the use cases.</summary>
public static class CoreServices
{
    /// <param name="keys">The key ring's certificate; by default from the environment (<see cref="KeyRingSetting.Resolve"/>).</param>
    public static IServiceCollection AddTmsswCore(this IServiceCollection services, DatabaseSetting setting, KeyRingSetting? keys = null)
    {
        services.AddTmsswDatabase(setting);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<LoadDemo>();
        services.AddScoped<Jobs.GetJobProgress>();
        services.TryAddSingleton(Retention.RetentionSettings.FromEnvironment());
        services.TryAddSingleton(Itineraries.CalendarFeedSettings.FromEnvironment());
        services.AddSingleton<Itineraries.CalendarFeedCache>();
        services.AddScoped<Retention.PurgeSensitiveFields>();
        services.AddScoped<PlanDemo>();
        services.AddScoped<ListEditionSummaries>();
        services.AddScoped<FindEdition>();
        services.AddScoped<GetPublicEdition>();
        services.AddScoped<AddUser>();
        services.AddScoped<CreateApiToken>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<ListApiTokens>();
        services.AddScoped<ListUsers>();
        services.AddScoped<UpdateUserScope>();
        services.AddScoped<SensitiveFields>();
        services.AddScoped<Auditing.AuditLog>();
        services.AddScoped<SearchParticipants>();
        services.AddScoped<GetEditionDashboard>();
        services.AddScoped<SaveParticipant>();
        services.AddScoped<RevealSensitive>();
        services.AddScoped<Posts.ListPosts>();
        services.AddScoped<Posts.ListManagedPosts>();
        services.AddScoped<Posts.GetPostDraft>();
        services.AddScoped<Posts.SavePost>();
        services.AddScoped<Posts.PublishPost>();
        services.AddScoped<Posts.UnpublishPost>();
        services.AddScoped<Posts.AddPostImage>();
        services.AddScoped<Posts.GetPostImage>();
        services.AddScoped<Posts.GetPostEditorChoices>();
        services.AddScoped<Participants.Import.PreviewImport>();
        services.AddScoped<Participants.Import.CommitImport>();
        services.AddScoped<Participants.Export.ExportRoster>();
        services.AddScoped<ChangeStatuses>();
        services.AddScoped<Splits.SplitSettingsStore>();
        services.AddScoped<Splits.GetSplitBoard>();
        services.AddScoped<Participants.GetOwnProfile>();
        services.AddScoped<Scheduling.GetScheduleOverview>();
        services.AddScoped<Hosts.ListEditionHosts>();
        services.AddScoped<Splits.BuildSplitInstance>();
        services.AddScoped<Splits.RunSplit>();
        services.AddScoped<Splits.MoveParticipant>();
        services.AddScoped<Splits.LockParticipant>();
        services.AddScoped<Splits.SaveSplitVersion>();
        services.AddScoped<Splits.CompareSplitVersions>();
        services.AddScoped<Splits.PublishSplit>();
        services.AddScoped<Splits.ReplanAfterWithdrawal>();
        services.AddScoped<Scheduling.BuildScheduleInstance>();
        services.AddScoped<Scheduling.RunSchedule>();
        services.AddScoped<Scheduling.ChangeMeetingStatus>();
        services.AddScoped<Scheduling.DeclineAndReschedule>();
        services.AddScoped<Scheduling.MoveMeeting>();
        services.AddScoped<Scheduling.LockMeeting>();
        services.AddScoped<Scheduling.PublishSchedule>();
        services.AddScoped<Scheduling.GetGroupWeek>();
        services.AddScoped<Hosts.SaveMeetingOffer>();
        services.AddScoped<Hosts.ListCityOffers>();
        services.AddScoped<Scheduling.SaveBusyItem>();
        services.AddScoped<Itineraries.GetItinerary>();
        services.AddScoped<Itineraries.ManageFeedToken>();
        services.AddScoped<Itineraries.GetCalendar>();
        services.AddScoped<Itineraries.GetProgramOverview>();
        services.AddScoped<Itineraries.SaveProgramItem>();
        services.AddScoped<Itineraries.SaveTravelLeg>();
        services.AddScoped<Itineraries.SaveLodging>();

        services.AddScoped<Itineraries.IssueBadgeToken>();
        services.AddScoped<Itineraries.VerifyBadgeToken>();
        services.AddScoped<Itineraries.PrintBadges>();
        services.AddScoped<Itineraries.PrintProgramBook>();
        services.AddScoped<Itineraries.GetOwnItinerary>();
        services.AddScoped<ListHomeEditions>();
        services.AddScoped<ListReadableEditions>();
        services.AddScoped<GetEdition>();
        services.AddScoped<GetUserAccount>();
        services.AddScoped<RecordSignIn>();
        services.AddScoped<ChangeOwnPassword>();
        services.AddScoped<Auditing.BrowseAuditLog>();
        services.AddScoped<GetParticipant>();
        services.AddScoped<BrowseParticipants>();
        services.AddScoped<Participants.Export.ListRosterCities>();
        services.AddScoped<Splits.GetGroupRosters>();
        services.AddScoped<Splits.ListGroups>();
        services.AddScoped<Scheduling.FindHomeCity>();
        services.AddScoped<Hosts.ListCities>();
        services.AddScoped<Hosts.ListHostOrganizations>();
        services.AddScoped<Hosts.ListEditionOffers>();
        services.AddScoped<Itineraries.GetCityItinerary>();

        // Conference agenda (issue 12, parts 1-3): the draft, its versions and the public pages.
        services.AddScoped<Conference.GetAgendaEditor>();
        services.AddScoped<Conference.SaveConferenceSession>();
        services.AddScoped<Conference.MoveConferenceSession>();
        services.AddScoped<Conference.CancelConferenceSession>();
        services.AddScoped<Conference.SaveSpeaker>();
        services.AddScoped<Conference.SaveRoom>();
        services.AddScoped<Conference.SaveVenueHours>();
        services.AddScoped<Conference.PublishAgenda>();
        services.AddScoped<Conference.GetPublicAgenda>();
        services.AddScoped<Conference.GetConferenceCalendar>();

        // The conference's outside guests, check-in at the door and attendance.
        services.AddScoped<Conference.RegisterGuest>();
        services.AddScoped<Conference.GetGuestRegistration>();
        services.AddScoped<Conference.CancelGuestRegistration>();
        services.AddScoped<Conference.ListGuests>();
        services.AddScoped<Conference.DecideGuestRegistration>();
        services.AddScoped<Conference.SetGuestCap>();
        services.AddScoped<Conference.RecordCheckIn>();
        services.AddScoped<Conference.GetCheckInDesk>();
        services.AddScoped<Conference.GetAttendance>();
        services.AddScoped<Evaluation.GetEvaluationReport>();
        services.AddScoped<Evaluation.ExportEvaluationReport>();
        services.AddScoped<Evaluation.GetTenYearView>();
        services.AddScoped<Evaluation.ListIndicators>();
        services.AddScoped<Evaluation.SaveIndicator>();
        services.AddScoped<Conference.ExportAttendance>();

        services.AddScoped<Partners.GetCountdownTemplates>();
        services.AddScoped<Partners.SaveCountdownTemplates>();
        services.AddScoped<Partners.PrepareCountdown>();
        services.AddScoped<Partners.ListTasks>();
        services.AddScoped<Partners.CompleteTask>();
        services.AddScoped<Partners.ListHouseholds>();
        services.AddScoped<Partners.SaveHousehold>();
        services.AddScoped<Partners.PlanHospitality>();
        services.AddScoped<Partners.SaveHospitality>();
        services.AddScoped<Partners.GetHospitalityEvening>();

        // Operators' backup and restore (the CLI): no person's scope, like migrating.
        services.AddScoped<Backup.BackupDatabase>();
        services.AddScoped<Backup.RestoreDatabase>();

        services.TryAddSingleton(Mail.MailSettings.FromEnvironment());
        services.AddScoped<Mail.Outbox>();
        services.AddScoped<Mail.ListOutbox>();
        services.AddScoped<Mail.EditMessage>();
        services.AddScoped<Mail.ApproveMessage>();
        services.AddScoped<Mail.DiscardMessage>();
        services.AddScoped<Mail.SendOutbox>();
        services.AddScoped<Mail.GenerateMessages>();

        // Keys in the database: every app instance and the CLI decrypt what the others encrypted; the
        // key ring is encrypted with a certificate kept outside the database (Data/KeyRing.cs).
        services.AddTmsswKeyRing(keys ?? KeyRingSetting.Resolve(setting));
        services.AddScoped<Evaluation.RespondentKeys>();
        services.AddScoped<Evaluation.SetObjectiveLinks>();
        services.AddScoped<Evaluation.ListSurveys>();
        services.AddScoped<Evaluation.GetSurveyBuilder>();
        services.AddScoped<Evaluation.SaveSurvey>();
        services.AddScoped<Evaluation.SaveSurveyQuestion>();
        services.AddScoped<Evaluation.RemoveSurveyQuestion>();
        services.AddScoped<Evaluation.ScheduleSurveyInvitations>();
        services.AddScoped<Evaluation.QueueSurveyMessages>();
        services.AddScoped<Evaluation.ListSurveyLinks>();
        services.AddScoped<Evaluation.GetSurveyForm>();
        services.AddScoped<Evaluation.SaveSurveyAnswers>();
        services.AddScoped<Evaluation.ListOwnSurveys>();
        // Alumni (issue 16): the directory, sharing, the TLP-labelled knowledge exchange, moderation, invitations, the digest.
        services.AddScoped<Alumni.AlumniSecrets>();
        services.AddScoped<Alumni.BrowseAlumniDirectory>();
        services.AddScoped<Alumni.GetOwnSharing>();
        services.AddScoped<Alumni.SaveOwnSharing>();
        services.AddScoped<Alumni.ListThreads>();
        services.AddScoped<Alumni.GetThread>();
        services.AddScoped<Alumni.StartThread>();
        services.AddScoped<Alumni.ReplyToThread>();
        services.AddScoped<Alumni.ReportPost>();
        services.AddScoped<Alumni.ListReports>();
        services.AddScoped<Alumni.HidePost>();
        services.AddScoped<Alumni.ListInvitableAlumni>();
        services.AddScoped<Alumni.InviteAlumnus>();
        services.AddScoped<Alumni.AcceptInvitation>();
        services.AddScoped<Alumni.QueueAlumniDigest>();
        return services;
    }

    /// <summary>Password and lockout rules, the same for every way in.</summary>
    public static void ConfigureIdentity(IdentityOptions options)
    {
        options.Password.RequiredLength = 12;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
    }

    /// <summary>Identity without cookies, for the CLI.</summary>
    public static IServiceCollection AddTmsswIdentityCore(this IServiceCollection services)
    {
        services.AddLogging();
        services.AddIdentityCore<AppUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TmsswDbContext>();
        return services;
    }
}
