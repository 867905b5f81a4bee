#!/usr/bin/env python3
"""Generates a deterministic sopkit content tree for benchmarks (Python 3 stdlib only).

    python3 gen_content.py --guides 1000 --out work/trees/1000 [--seed 1]

writes OUT/Content/ in the format of CONTENT-FORMAT.md:

  site.yaml            3 roles (leaders, supervisors, line-staff), 10 topics
  contacts.yaml        4 regions
  guides/*.md          N practice guides, 400 to 1,500 words of body each, with
                       ## and ### headings, lists, block quotes, links between guides
                       (`x.md` and `x.md#heading-id`, only to headings that exist),
                       external links and images
  guides/images/*.svg  a few small shared SVG files the guides show
  stories/*.md         about 2% of N (at least 1) stories from the field
  pages/*.md           two about pages

and OUT/bodies.md: every Markdown body (front matter left out) concatenated, the input
of the cmark floor. The same --guides and --seed always give byte-identical files:
each file draws from its own random.Random seeded by a string (stable across Python 3
versions), so generation order does not matter.

Heading texts use only ASCII letters, digits, spaces and a closing '?', so the anchor
id (the text lowercased, every run of other characters replaced by one '-', trimmed)
is the same for sopkit and for Hugo's GitHub-style ids.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

# --- Vocabulary ---------------------------------------------------------------------------

NOUNS = [
    "safety", "network", "danger statement", "harm", "family", "worries", "strengths",
    "scaling question", "safety goal", "safety plan", "caregiver", "child", "parent",
    "grandparent", "safety network", "harm statement", "complicating factors",
    "protective capacity", "genogram", "ecomap", "timeline", "trajectory", "bottom line",
    "case plan", "team meeting", "child and family team", "supervisor", "social worker",
    "three houses", "safety house", "words and pictures", "safety object", "mapping",
    "assessment", "cultural humility", "voice of the child", "exceptions", "good things",
    "dreams", "next steps", "agreement", "home visit", "court report", "referral",
    "family finding", "relative", "neighbour", "teacher", "elder", "community partner",
    "safety circle", "danger", "risk", "history", "pattern", "behaviour", "question",
    "conversation", "plan", "story", "commitment", "rule", "routine", "meeting", "visit",
]
PLURALS = {
    "safety": "safety", "harm": "harm", "worries": "worries", "strengths": "strengths",
    "complicating factors": "complicating factors", "mapping": "mapping",
    "assessment": "assessments", "cultural humility": "cultural humility",
    "exceptions": "exceptions", "good things": "good things", "dreams": "dreams",
    "next steps": "next steps", "words and pictures": "words and pictures",
    "voice of the child": "voice of the child", "three houses": "three houses",
    "history": "histories", "family": "families", "child": "children", "danger": "danger",
    "risk": "risk", "safety circle": "safety circles", "family finding": "family finding",
    "protective capacity": "protective capacities", "story": "stories",
    "trajectory": "trajectories", "bottom line": "bottom lines", "behaviour": "behaviour",
}
ADJECTIVES = [
    "clear", "shared", "specific", "behavioural", "honest", "rigorous", "collaborative",
    "practical", "balanced", "observable", "plain", "detailed", "respectful", "current",
    "realistic", "concrete", "written", "early", "ongoing", "careful", "strong", "simple",
    "visible", "agreed", "measurable", "useful", "everyday", "small", "first", "future",
]
VERBS = [
    "explore", "clarify", "map", "review", "invite", "strengthen", "describe", "build",
    "revisit", "document", "ask about", "notice", "reflect on", "support", "scale",
    "agree on", "write down", "share", "test", "check", "listen to", "name", "track",
    "update", "prepare", "plan", "celebrate", "summarise", "translate", "draw",
]
SUBJECTS = [
    "the worker", "the supervisor", "the team", "the family", "the parents", "each caregiver",
    "the safety network", "the facilitator", "the child", "everyone at the meeting",
    "the line worker", "the social worker", "leaders", "the coach", "the whole team",
    "the grandmother", "the community partner", "the assigned worker", "the practice lead",
]
SUBJECTS_VERB_S = {"the worker", "the supervisor", "the team", "the family", "each caregiver",
                   "the safety network", "the facilitator", "the child", "everyone at the meeting",
                   "the line worker", "the social worker", "the coach", "the whole team",
                   "the grandmother", "the community partner", "the assigned worker",
                   "the practice lead"}
OPENERS = [
    "Before the meeting,", "With the family,", "In supervision,", "Over time,",
    "At the first visit,", "When things are hard,", "As a rule,", "In practice,",
    "After the mapping,", "During the home visit,", "Each week,", "From the start,",
    "Whenever possible,", "Later on,", "In the court report,", "Together,", "Above all,",
]
TAILS = [
    "in words the family understands", "so that everyone knows what safety looks like",
    "without jargon", "before moving to the next step", "with the child at the centre",
    "using the family's own words", "at every review", "so the plan stays realistic",
    "and write it on the wall chart", "in front of the whole network",
    "so progress can be seen", "rather than guessing", "as the work goes on",
    "with curiosity and respect", "so the danger statement stays current",
    "until the network can say it back", "on a scale from zero to ten",
]
CONNECTORS = ["because", "so that", "while", "and then", "even when", "until", "after"]

HEADING_FORMS = [
    "Why {n} matters", "Working with {n}", "Questions about {n}", "When to use {n}",
    "Preparing {n}", "Writing {n}", "Reviewing {n}", "Common mistakes with {n}",
    "Talking about {n}", "Building {n}", "Examples of {n}", "Scaling {n}",
    "What {n} looks like", "Checking {n}", "Sharing {n} with the network",
    "How to start with {n}", "Tips for {n}", "Supervising {n}", "Recording {n}",
    "What are the {n}?", "Who holds {n}?", "Steps for {n}", "Keeping {n} current",
]
TITLE_FORMS = [
    "{A} {N}", "{N} in practice", "Using {n} with families", "{N} for new workers",
    "A guide to {n}", "{N} and {n2}", "{A} {n} in meetings", "Getting started with {n}",
    "{N} step by step", "Mapping {n}", "{N} with children", "Supervising {n}",
    "{N} at the first visit", "{A} {n} and {n2}",
]
STORY_TITLES = [
    "Building", "Strengthening", "Mapping", "Sharing", "Rethinking", "Learning from",
    "Bringing families into", "Coaching", "Scaling up", "Starting with",
]
CLOSING_HEADINGS = ["Related guides", "See also", "Further reading", "Where to go next"]

TOPICS = [
    ("three-houses", "Three Houses"), ("safety-mapping", "Safety Mapping"),
    ("danger-statements", "Danger Statements"), ("safety-networks", "Safety Networks"),
    ("scaling-questions", "Scaling Questions"), ("safety-planning", "Safety Planning"),
    ("engaging-children", "Engaging Children"), ("supervision", "Supervision"),
    ("child-and-family-teams", "Child and Family Teams"), ("cultural-humility", "Cultural Humility"),
]
ROLES = [
    ("leaders", "Leaders", "Managers and directors who set up practice across a county."),
    ("supervisors", "Supervisors", "Supervisors who coach workers through mapping and planning."),
    ("line-staff", "Line staff", "Social workers and case workers who meet families every day."),
]
REGIONS = [
    ("northern", "Northern Regional Training Academy",
     ["Butte", "Placer", "Sacramento", "Shasta", "Yolo", "Humboldt"]),
    ("bay-area", "Bay Area Academy", ["Alameda", "Marin", "San Mateo", "Santa Clara", "Sonoma"]),
    ("central", "Central California Training Academy",
     ["Fresno", "Kern", "Tulare", "Madera", "Merced", "Stanislaus"]),
    ("southern", "Public Child Welfare Training Academy, Southern Region",
     ["Los Angeles", "Orange", "Riverside", "San Diego", "Ventura"]),
]
IMAGES = [
    ("three-houses", "The three houses: worries, good things and dreams", "#c0392b"),
    ("safety-house", "A safety house drawn with a child", "#2e86c1"),
    ("scaling", "A scaling line from zero to ten", "#27ae60"),
    ("network", "A safety network drawn as circles around a family", "#8e44ad"),
    ("mapping", "The mapping framework in three columns", "#d35400"),
    ("timeline", "A family timeline with the good times marked", "#16a085"),
]
TAG_WORDS = [
    "safety", "network", "danger", "harm", "family", "worries", "strengths", "scaling",
    "mapping", "children", "parents", "supervision", "court", "planning", "assessment",
    "culture", "meetings", "visits", "teams", "relatives", "schools", "health", "trauma",
    "language", "timeline", "goals", "questions", "stories", "coaching", "leadership",
]
TAG_SUFFIXES = ["", "-practice", "-tools", "-basics", "-review", "-skills", "-questions"]


def plural(noun):
    if noun in PLURALS:
        return PLURALS[noun]
    if noun.endswith("y") and not noun.endswith("ey"):
        return noun[:-1] + "ies"
    if noun.endswith("s"):
        return noun
    return noun + "s"


def slugify(text):
    """The heading-id rule: lowercase, every run of non-letter/digit characters -> '-'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def cap(text):
    return text[:1].upper() + text[1:]


def yaml_str(text):
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar


def make_tags():
    tags = []
    rng = random.Random("tags")
    for suffix in TAG_SUFFIXES:
        for word in TAG_WORDS:
            tags.append(word + suffix)
    rng.shuffle(tags)
    return sorted(tags[:200])


TAGS = make_tags()
# Zipf-like weights so a few tags are common and most are rare, as in a real site.
TAG_WEIGHTS = [1.0 / (rank + 1) ** 0.8 for rank in range(len(TAGS))]
TAG_ORDER = random.Random("tag-order").sample(TAGS, len(TAGS))


# --- Plans: what every guide is called and which headings it has -------------------------

class Plan:
    __slots__ = ("slug", "title", "headings", "words")


def plan_guide(seed, index):
    rng = random.Random(f"{seed}:plan:{index}")
    form = rng.choice(TITLE_FORMS)
    n, n2 = rng.sample(NOUNS, 2)
    title = form.format(A=cap(rng.choice(ADJECTIVES)), N=cap(n), n=n, n2=n2)
    if form.startswith("{A}"):
        title = title[:1].upper() + title[1:]
    plan = Plan()
    plan.title = title
    plan.slug = f"{slugify(title)[:48].strip('-')}-{index:06d}"
    plan.words = rng.randint(420, 1420)
    sections = max(3, min(8, plan.words // 170))
    headings = []  # (level, text)
    seen = set()
    for _ in range(sections):
        for level in [2] + [3] * (rng.random() < 0.45) * rng.randint(1, 2):
            while True:
                text = rng.choice(HEADING_FORMS).format(n=rng.choice(NOUNS))
                if slugify(text) not in seen:
                    break
            seen.add(slugify(text))
            headings.append((level, cap(text)))
    plan.headings = headings
    return plan


# --- Text ---------------------------------------------------------------------------------

class Writer:
    """Writes Markdown blocks from the vocabulary with one seeded random.Random."""

    def __init__(self, rng, plans, self_index, link_dir):
        self.rng = rng
        self.plans = plans
        self.self_index = self_index
        self.link_dir = link_dir  # "" for guides, "../guides/" for stories
        self.words = 0

    def noun_phrase(self):
        rng = self.rng
        noun = rng.choice(NOUNS)
        if rng.random() < 0.4:
            noun = plural(noun)
        if rng.random() < 0.35:
            noun = rng.choice(ADJECTIVES) + " " + noun
        return "the " + noun if rng.random() < 0.6 else noun

    def sentence(self):
        rng = self.rng
        subject = rng.choice(SUBJECTS)
        verb = rng.choice(VERBS)
        if subject in SUBJECTS_VERB_S:
            head, _, rest = verb.partition(" ")
            if head.endswith("y") and head[-2] not in "aeiou":
                head = head[:-1] + "ies"
            else:
                head = head + ("es" if head.endswith(("sh", "ch", "s")) else "s")
            verb = head + (" " + rest if rest else "")
        parts = []
        if rng.random() < 0.3:
            parts.append(rng.choice(OPENERS))
        parts += [subject, verb, self.noun_phrase()]
        roll = rng.random()
        if roll < 0.35:
            parts.append(rng.choice(TAILS))
        elif roll < 0.6:
            parts += [rng.choice(CONNECTORS), self.noun_phrase(), "is", rng.choice(ADJECTIVES)]
        if rng.random() < 0.06:
            i = rng.randrange(1, len(parts))
            parts[i] = f"**{parts[i]}**" if rng.random() < 0.5 else f"*{parts[i]}*"
        return cap(" ".join(parts)) + "."

    def guide_link(self):
        """A link to another guide: `x.md` or `x.md#heading-id` with an id that exists."""
        rng = self.rng
        while True:
            target = rng.randrange(len(self.plans))
            if target != self.self_index or len(self.plans) == 1:
                break
        plan = self.plans[target]
        if rng.random() < 0.5 and plan.headings:
            level, text = rng.choice(plan.headings)
            return f"[{text.rstrip('?').lower()}]({self.link_dir}{plan.slug}.md#{slugify(text)})"
        return f"[{plan.title}]({self.link_dir}{plan.slug}.md)"

    def paragraph(self):
        rng = self.rng
        sentences = [self.sentence() for _ in range(rng.randint(2, 6))]
        if self.plans and rng.random() < 0.45:
            i = rng.randrange(len(sentences))
            sentences.insert(i, f"See {self.guide_link()} for more.")
        if rng.random() < 0.05:
            sentences.append(f"The [practice framework](https://example.org/sop/{rng.choice(TAG_WORDS)}) "
                             "explains the background.")
        return self.counted(" ".join(sentences))

    def counted(self, block):
        self.words += len(block.split())
        return block

    def bullet_list(self):
        rng = self.rng
        ordered = rng.random() < 0.35
        items = []
        for number in range(1, rng.randint(3, 7) + 1):
            if self.plans and rng.random() < 0.15:
                body = f"Read {self.guide_link()}."
            else:
                body = self.sentence()
            items.append(f"{number}. {body}" if ordered else f"- {body}")
        return self.counted("\n".join(items))

    def quote(self):
        return self.counted("> " + self.sentence() + " " + self.sentence())

    def image(self):
        name, alt, _ = self.rng.choice(IMAGES)
        prefix = "images/" if self.link_dir == "" else "../guides/images/"
        return self.counted(f"![{alt}]({prefix}{name}.svg)")

    def section_blocks(self, goal):
        """Blocks until the text has about `goal` words in all (always at least one paragraph)."""
        rng = self.rng
        blocks = [self.paragraph()]
        while self.words < goal - 15:
            roll = rng.random()
            if roll < 0.3:
                blocks.append(self.bullet_list())
            elif roll < 0.38:
                blocks.append(self.quote())
            elif roll < 0.43:
                blocks.append(self.image())
            else:
                blocks.append(self.paragraph())
        return blocks


def guide_body(seed, index, plans):
    plan = plans[index]
    rng = random.Random(f"{seed}:body:{index}")
    w = Writer(rng, plans, index, "")
    blocks = [w.paragraph()]
    if rng.random() < 0.6:
        blocks.append(w.image())
    start = w.words
    per_heading = max(30, (plan.words - start - 30) / max(1, len(plan.headings)))
    for number, (level, text) in enumerate(plan.headings, 1):
        blocks.append("#" * level + " " + text)
        blocks += w.section_blocks(start + number * per_heading)
    blocks.append("## " + rng.choice(CLOSING_HEADINGS))
    blocks.append("\n".join(f"- {w.guide_link()}" for _ in range(rng.randint(2, 4))))
    return "\n\n".join(b for b in blocks if b) + "\n"


def summary_text(rng):
    w = Writer(rng, [], 0, "")
    text = w.sentence()
    if rng.random() < 0.5:
        text += " " + w.sentence()
    return text.replace("*", "")[:290]


def pick(rng, items, low, high):
    return rng.sample(items, rng.randint(low, high))


def pick_tags(rng, low, high):
    count = rng.randint(low, high)
    chosen = []
    while len(chosen) < count:
        tag = rng.choices(TAG_ORDER, weights=TAG_WEIGHTS)[0]
        if tag not in chosen:
            chosen.append(tag)
    return chosen


def date_text(rng, first_year, last_year):
    return f"{rng.randint(first_year, last_year)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def guide_file(seed, index, plans):
    plan = plans[index]
    rng = random.Random(f"{seed}:meta:{index}")
    roles = [r[0] for r in pick(rng, ROLES, 1, 3)]
    topics = [t[0] for t in pick(rng, TOPICS, 1, 3)]
    tags = pick_tags(rng, 2, 5)
    front = [
        "---",
        f"title: {yaml_str(plan.title)}",
        f"summary: {yaml_str(summary_text(rng))}",
        f"roles: [{', '.join(roles)}]",
        f"topics: [{', '.join(topics)}]",
        f"tags: [{', '.join(tags)}]",
        f"updated: {date_text(rng, 2019, 2025)}",
        "---",
        "",
    ]
    body = guide_body(seed, index, plans)
    return "\n".join(front), body


def story_file(seed, index, plans):
    rng = random.Random(f"{seed}:story:{index}")
    region, _, counties = rng.choice(REGIONS)
    county = rng.choice(counties)
    title = f"{county} County: {rng.choice(STORY_TITLES)} {plural(rng.choice(NOUNS))}"
    slug = f"{slugify(county)}-{index:04d}"
    front = [
        "---",
        f"title: {yaml_str(title)}",
        f"date: {date_text(rng, 2018, 2025)}",
        f"summary: {yaml_str(summary_text(rng))}",
        f"county: {yaml_str(county)}",
        f"region: {region}",
        "category: Stories from the Field",
        f"tags: [{', '.join(pick_tags(rng, 1, 4))}]",
        f"roles: [{', '.join(r[0] for r in pick(rng, ROLES, 1, 2))}]",
    ]
    if rng.random() < 0.5:
        name, alt, _ = rng.choice(IMAGES)
        front += [f"image: guides/images/{name}.svg", f"image_alt: {yaml_str(alt)}"]
    front += ["---", ""]
    w = Writer(rng, plans, -1, "../guides/")
    blocks = [w.paragraph(), w.quote()]
    target = rng.randint(300, 900)
    while w.words < target:
        blocks.append("## " + cap(rng.choice(HEADING_FORMS).format(n=rng.choice(NOUNS))))
        blocks += w.section_blocks(w.words + rng.randint(80, 200))
    return slug, "\n".join(front), "\n\n".join(blocks) + "\n"


def svg(name, alt, colour):
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="160" viewBox="0 0 320 160" '
        f'role="img" aria-label="{alt}">\n'
        f'  <rect x="4" y="4" width="312" height="152" rx="12" fill="#fff" stroke="{colour}" stroke-width="4"/>\n'
        f'  <circle cx="60" cy="80" r="36" fill="{colour}" opacity="0.8"/>\n'
        f'  <text x="110" y="86" font-family="sans-serif" font-size="18" fill="#333">{name}</text>\n'
        "</svg>\n"
    )


SITE_YAML = """title: Safety Organized Practice Toolkit
description: Quick guides, tools and stories for Safety Organized Practice in child welfare.
language: en
url: https://toolkit.example.org/
submit_url: https://toolkit.example.org/share
roles:
{roles}
topics:
{topics}
"""

PAGES = [
    ("about", "About the toolkit", 1),
    ("using-the-toolkit", "Using the toolkit", 2),
]


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guides", type=int, required=True)
    parser.add_argument("--seed", default="1")
    parser.add_argument("--out", required=True, help="folder that gets Content/ and bodies.md")
    args = parser.parse_args()
    n = args.guides
    seed = args.seed
    content = os.path.join(args.out, "Content")
    if os.path.exists(content):
        shutil.rmtree(content)
    for sub in ("guides/images", "stories", "pages"):
        os.makedirs(os.path.join(content, sub))

    roles = "\n".join(
        f"  - id: {i}\n    name: {yaml_str(name)}\n    description: {yaml_str(d)}" for i, name, d in ROLES)
    topics = "\n".join(
        f"  - id: {i}\n    name: {yaml_str(name)}\n    description: {yaml_str('Guides about ' + name.lower() + '.')}"
        for i, name in TOPICS)
    write(os.path.join(content, "site.yaml"), SITE_YAML.format(roles=roles, topics=topics))

    lines = ["regions:"]
    for number, (rid, name, counties) in enumerate(REGIONS):
        lines += [
            f"  - id: {rid}",
            f"    name: {yaml_str(name)}",
            f"    counties: [{', '.join(counties)}]",
            "    contacts:",
            "      - name: Regional SOP Coordinator",
            "        title: SOP coach",
            f"        email: sop-{rid}@example.org",
            f"        phone: \"+1 555 01{number:02d}\"",
            "      - name: Training Lead",
            f"        email: training-{rid}@example.org",
        ]
    write(os.path.join(content, "contacts.yaml"), "\n".join(lines) + "\n")

    for name, alt, colour in IMAGES:
        write(os.path.join(content, "guides", "images", name + ".svg"), svg(name, alt, colour))

    plans = [plan_guide(seed, i) for i in range(n)]
    bodies = open(os.path.join(args.out, "bodies.md"), "w", encoding="utf-8", newline="\n")
    total_words = 0
    for i in range(n):
        front, body = guide_file(seed, i, plans)
        write(os.path.join(content, "guides", plans[i].slug + ".md"), front + body)
        bodies.write(body + "\n")
        total_words += len(body.split())
        if n >= 20000 and i % 20000 == 19999:
            print(f"  {i + 1} guides", file=sys.stderr)

    stories = max(1, round(n * 0.02))
    for i in range(stories):
        slug, front, body = story_file(seed, i, plans)
        write(os.path.join(content, "stories", slug + ".md"), front + body)
        bodies.write(body + "\n")

    for slug, title, order in PAGES:
        rng = random.Random(f"{seed}:page:{slug}")
        w = Writer(rng, plans, -1, "../guides/")
        body = "\n\n".join([w.paragraph(), "## Who we are", w.paragraph(), w.bullet_list(),
                            "## How the guides are organised", w.paragraph()]) + "\n"
        front = f"---\ntitle: {yaml_str(title)}\norder: {order}\nsummary: {yaml_str(summary_text(rng))}\n---\n\n"
        write(os.path.join(content, "pages", slug + ".md"), front + body)
        bodies.write(body + "\n")
    bodies.close()
    print(f"generated {n} guides ({total_words} body words, {total_words // max(1, n)} per guide), "
          f"{stories} stories, {len(PAGES)} pages into {content}", file=sys.stderr)


if __name__ == "__main__":
    main()
