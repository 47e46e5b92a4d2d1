package com.zemo.generation.batch;

import com.zemo.analysis.engine.brief.Brief;
import com.zemo.analysis.engine.score.ContentScore;
import com.zemo.analysis.engine.score.ContentScorer;
import com.zemo.generation.batch.GenerationInputs.AnalysisRow;
import com.zemo.generation.batch.GenerationInputs.PageRow;
import com.zemo.generation.batch.GenerationInputs.PromptAccess;
import com.zemo.generation.batch.GenerationInputs.PromptVersionRow;
import com.zemo.generation.batch.GenerationStore.NewRound;
import com.zemo.generation.batch.GenerationStore.StoredRound;
import com.zemo.generation.batch.LlmRequest.ChatMessage;
import com.zemo.jobs.batch.JobEvents;
import com.zemo.jobs.batch.JobRef;
import com.zemo.jobs.batch.JobRuntime;
import com.zemo.platform.ZemoConfig;
import com.zemo.prompts.template.PromptTemplate;
import com.zemo.prompts.template.TemplateValues;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The generate job's one step: render the prompt version, call the LLM, score the text against the brief and,
 * below the minimum score, one revision round with the gaps as instructions. Every round is stored before the
 * next call (the checkpoint): a restart re-scores stored rounds instead of paying for them again.
 */
@jakarta.enterprise.context.Dependent
@Named("generateBatchlet")
public class GenerateBatchlet extends AbstractBatchlet {
    static final String STEP = "write";

    @Inject
    com.zemo.jobs.batch.ProviderMetrics providerMetrics;

    @Inject @BatchProperty String promptId;
    @Inject @BatchProperty String analysisId;
    @Inject @BatchProperty String keyword;
    @Inject @BatchProperty String model;
    @Inject @BatchProperty String temperature;
    @Inject @BatchProperty String maxTokens;
    @Inject @BatchProperty String minScore;

    @Inject JobContext jobContext;
    @Inject StepContext stepContext;
    @Inject JobRuntime runtime;
    @Inject JobEvents events;
    @Inject GenerationInputs inputs;
    @Inject GenerationStore store;
    /** An Instance: the implementation lives in the ejb module, absent where only batch is deployed (JBeret SE tests). */
    @Inject jakarta.enterprise.inject.Instance<LlmGateway> llm;
    @Inject ZemoConfig config;

    private volatile boolean stopping;
    private JobRef job;

    @Override
    public String process() {
        job = JobRef.of(jobContext, BatchRuntime.getJobOperator());
        try {
            return run();
        } catch (LlmException | GenerationFailure e) {
            log("ERROR", e.getMessage());
            jobContext.setExitStatus("FAILED: " + e.getMessage());
            throw e;
        } catch (IllegalArgumentException e) {
            // A brief that is not JSON, a number param that is not a number: said in words, not as a stack trace.
            String msg = "cannot generate: " + e.getMessage();
            log("ERROR", msg);
            jobContext.setExitStatus("FAILED: " + msg);
            throw new GenerationFailure(msg);
        }
    }

    private String run() {
        long owner = inputs.jobOwner(job.jobId()).orElse(0L);
        PromptVersionRow version = pinnedVersion(owner);
        Optional<AnalysisRow> analysis = analysis();
        if (analysis.isPresent() && !inputs.maySee(owner, analysis.get())) {
            throw new GenerationFailure("analysis " + analysisId + " not found");
        }
        Brief brief = analysis.map(AnalysisRow::briefJson).filter(b -> b != null && !b.isBlank()).map(BriefJson::parse).orElse(null);
        String kw = blank(keyword) ? analysis.map(AnalysisRow::keyword).filter(k -> k != null && !k.isBlank())
                .orElse(brief == null ? null : brief.query()) : keyword.strip();
        if (kw == null) {
            throw new GenerationFailure("nothing to write for: analysis " + analysisId + " has no keyword and no brief; pass keyword");
        }
        TemplateValues values = brief == null ? TemplateValues.of(kw) : TemplateValues.of(brief, kw);
        List<PageRow> pages = analysis.map(a -> inputs.pagesFor(a.jobId())).orElse(List.of());
        if (!pages.isEmpty()) {
            values.withPages(pages.stream().map(PageRow::title).toList(), pages.stream().map(PageRow::url).toList());
        }
        PromptTemplate template = PromptTemplate.parse(version.body());
        String prompt = template.render(values.asMap());
        List<String> empty = template.missing(values.asMap());
        log("INFO", "prompt " + version.promptId() + " version " + version.version() + " (id " + version.id() + ") rendered for '"
                + kw + "': " + prompt.length() + " characters" + (brief == null ? ", no brief (keyword only, no score)" : ""));
        if (!empty.isEmpty()) {
            log("WARN", "placeholders with no value, left empty: " + empty.stream().map(p -> "{{" + p + "}}").toList());
        }

        String useModel = firstNonBlank(model, version.model(), config.llm().model());
        Double useTemperature = !blank(temperature) ? Double.valueOf(temperature)
                : version.temperature() != null ? version.temperature().doubleValue() : null;
        Integer useMaxTokens = !blank(maxTokens) ? Integer.valueOf(maxTokens) : version.maxTokens();
        int min = blank(minScore) ? config.llm().minScore() : Integer.parseInt(minScore);
        PriceTable prices = PriceTable.parse(config.llm().prices());
        ContentScorer scorer = new ContentScorer();
        runtime.setTotal(job, brief == null ? 1 : 2);

        List<StoredRound> stored = store.rounds(job.jobId());
        List<Round> rounds = new ArrayList<>();
        List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.user(prompt)));

        Round first = stored.stream().filter(r -> r.round() == 1).findFirst()
                .map(r -> resumed(r, brief, scorer))
                .orElseGet(() -> call(1, conversation, useModel, useTemperature, useMaxTokens, owner, version, brief, scorer, prices));
        rounds.add(first);

        if (brief != null && first.score.score() < min) {
            if (stopping) {
                return "STOPPED";
            }
            log("INFO", "score " + first.score.score() + " is below " + min + ": one revision round with the gaps as instructions");
            conversation.add(ChatMessage.assistant(first.content));
            conversation.add(ChatMessage.user(ScoreGaps.instructions(first.score, min)));
            Round second = stored.stream().filter(r -> r.round() == 2).findFirst()
                    .map(r -> resumed(r, brief, scorer))
                    .orElseGet(() -> call(2, conversation, useModel, useTemperature, useMaxTokens, owner, version, brief, scorer, prices));
            rounds.add(second);
        } else if (brief != null) {
            log("INFO", "score " + first.score.score() + " reaches the minimum " + min + ": no revision");
        }

        // The better text is the result; on a tie, the revision (it followed the brief's gaps).
        Round fin = rounds.get(0);
        for (Round r : rounds) {
            if (fin.score == null || (r.score != null && r.score.score() >= fin.score.score())) {
                fin = r;
            }
        }
        store.markFinal(job.jobId(), fin.id);
        jobContext.setTransientUserData(result(fin, rounds, version).toString());
        log("INFO", "generation " + fin.id + " is the result" + (fin.score == null ? "" : ", score " + fin.score.score())
                + "; " + rounds.size() + " round(s), " + rounds.stream().mapToLong(r -> r.input + r.output).sum() + " tokens, $"
                + rounds.stream().map(r -> r.cost).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        return "COMPLETED";
    }

    /** One round as the job knows it, whether just made or found stored. */
    private record Round(long id, int number, String content, ContentScore score, long input, long output, BigDecimal cost) {
    }

    private Round call(int number, List<ChatMessage> conversation, String useModel, Double useTemperature, Integer useMaxTokens,
                       long owner, PromptVersionRow version, Brief brief, ContentScorer scorer, PriceTable prices) {
        if (llm.isUnsatisfied()) {
            throw new GenerationFailure("no LLM adapter is deployed (LlmGateway)");
        }
        LlmReply reply = llm.get().complete(new LlmRequest(owner == 0 ? null : owner, useModel, conversation, useTemperature,
                useMaxTokens, this::log));
        if (!reply.usageKnown()) {
            log("WARN", "the provider reported no token usage for round " + number + "; tokens and cost recorded as 0");
        }
        BigDecimal cost = prices.cost(reply.model(), reply.inputTokens(), reply.outputTokens()).orElseGet(() -> {
            log("WARN", "no price for model '" + reply.model() + "' in zemo.llm.prices; cost recorded as 0");
            return BigDecimal.ZERO.setScale(6);
        });
        ContentScore score = brief == null ? null : scorer.score(reply.content(), null, brief);
        String gaps = score == null ? null : ScoreGaps.json(score).toString();
        long id = store.store(job, new NewRound(number, version.promptId(), version.id(), reply, cost,
                score == null ? null : score.score(), gaps), checkpoint(version.id(), number));
        providerMetrics.llmUsage(reply.model(), reply.inputTokens(), reply.outputTokens(), cost);
        log("INFO", String.format(Locale.ROOT, "round %d stored as generation %d: %d words, %d+%d tokens, $%s%s", number, id,
                reply.content().isBlank() ? 0 : reply.content().strip().split("\\s+").length, reply.inputTokens(),
                reply.outputTokens(), cost.toPlainString(), score == null ? "" : ", score " + score.score()));
        return new Round(id, number, reply.content(), score, reply.inputTokens(), reply.outputTokens(), cost);
    }

    private Round resumed(StoredRound r, Brief brief, ContentScorer scorer) {
        log("INFO", "round " + r.round() + " already stored as generation " + r.id() + "; not calling the LLM again");
        ContentScore score = brief == null ? null : scorer.score(r.content(), null, brief);
        return new Round(r.id(), r.round(), r.content(), score, r.inputTokens(), r.outputTokens(),
                r.costUsd() == null ? BigDecimal.ZERO : r.costUsd());
    }

    /**
     * The prompt version this job uses: pinned in the checkpoint at the first start, so an edit of the prompt
     * while the job waits or restarts does not change what it writes.
     */
    private PromptVersionRow pinnedVersion(long owner) {
        long pid = Long.parseLong(promptId);
        Optional<Long> pinned = runtime.checkpoint(job.jobId()).flatMap(GenerateBatchlet::pinnedVersionId);
        if (pinned.isPresent()) {
            return inputs.promptVersion(pinned.get())
                    .orElseThrow(() -> new GenerationFailure("prompt version " + pinned.get() + " no longer exists"));
        }
        PromptAccess access = inputs.promptAccess(pid).orElseThrow(() -> new GenerationFailure("prompt " + pid + " not found"));
        if (access.deleted()) {
            throw new GenerationFailure("prompt " + pid + " is deleted; restore it first");
        }
        if (!access.shared() && (access.ownerId() == null || access.ownerId() != owner) && !inputs.isAdmin(owner)) {
            throw new GenerationFailure("prompt " + pid + " not found");
        }
        return inputs.promptVersion(access.currentVersionId()).orElseThrow();
    }

    private Optional<AnalysisRow> analysis() {
        if (blank(analysisId)) {
            return Optional.empty();
        }
        long id = Long.parseLong(analysisId);
        AnalysisRow a = inputs.analysis(id).orElseThrow(() -> new GenerationFailure("analysis " + id + " not found"));
        return Optional.of(a);
    }

    static Optional<Long> pinnedVersionId(String checkpointJson) {
        try {
            JsonObject o = Json.createReader(new StringReader(checkpointJson)).readObject();
            return o.containsKey("promptVersionId") ? Optional.of(o.getJsonNumber("promptVersionId").longValue()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String checkpoint(long versionId, int round) {
        return Json.createObjectBuilder().add("promptVersionId", versionId).add("round", round).build().toString();
    }

    private JsonObject result(Round fin, List<Round> rounds, PromptVersionRow version) {
        long in = rounds.stream().mapToLong(Round::input).sum();
        long out = rounds.stream().mapToLong(Round::output).sum();
        BigDecimal cost = rounds.stream().map(Round::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        var b = Json.createObjectBuilder()
                .add("generationId", fin.id)
                .add("rounds", rounds.size())
                .add("finalRound", fin.number)
                .add("tokens", in + out)
                .add("inputTokens", in)
                .add("outputTokens", out)
                .add("costUsd", cost)
                .add("promptId", version.promptId())
                .add("promptVersionId", version.id())
                .add("promptVersion", version.version());
        if (fin.score == null) {
            b.add("score", JsonValue.NULL).add("gaps", JsonValue.NULL);
        } else {
            b.add("score", fin.score.score()).add("gaps", ScoreGaps.json(fin.score));
        }
        return b.build();
    }

    private void log(String level, String message) {
        events.log(job.jobId(), level, STEP, job.node(), message);
    }

    @Override
    public void stop() {
        stopping = true;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String firstNonBlank(String... s) {
        for (String x : s) {
            if (!blank(x)) {
                return x.strip();
            }
        }
        return null;
    }

    /** A generation that cannot be made from its inputs (missing prompt, analysis or keyword). */
    static final class GenerationFailure extends RuntimeException {
        GenerationFailure(String message) {
            super(message);
        }
    }
}
