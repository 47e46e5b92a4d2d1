package com.zemo.jobs.control;

import com.zemo.identity.entity.Role;
import jakarta.json.JsonObject;

import java.util.Set;
import java.util.function.Function;

/**
 * A kind of job: the batch job that runs it, who may submit it, and how its parameters are checked.
 * {@code params} turns the caller's JSON into checked, normalised parameters (or throws a 400).
 */
public record JobType(String name, String jobXml, Set<Role> submitters, String description,
                      Function<JsonObject, JobParams> params) {
}
