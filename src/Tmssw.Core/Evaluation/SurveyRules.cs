namespace Tmssw.Core.Evaluation;

/// <summary>The limits a survey obeys (the builder's checks and the column sizes).</summary>
public static class SurveyRules
{
    public const int TitleMax = 200;
    public const int IntroMax = 2000;
    public const int QuestionMax = 500;
    public const int ChoiceMax = 200;
    public const int PairKeyMax = 60;
    public const int AnswerTextMax = 4000;
    public const int ChoicesMax = 20;
    public const int QuestionsMax = 60;
}
