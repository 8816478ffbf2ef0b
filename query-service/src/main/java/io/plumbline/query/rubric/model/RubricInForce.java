package io.plumbline.query.rubric.model;

/** An evaluator of the rubric in force and the generation of its activation. */
public record RubricInForce(MaturityEvaluator evaluator, long generation) {}
