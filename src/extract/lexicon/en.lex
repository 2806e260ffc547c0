# English lexicon: the words of each class the stages and the patterns (../patterns/en.pat)
# refer to. `tag = a, b, c` puts phrases in a class; `word*` is any word starting with `word`;
# `*` is any one word. Forms are compared lowercased and without accents.

# ---- function words (phrase stage) ---------------------------------------------------

[determiners]
definite = the
indefinite = a, an, another, any, some, no
possessive = its, his, her
plural_possessive = their
first_possessive = our, my, your
demonstrative = this, these, those, such

[pronouns]
person = he, she, him, her, himself, herself
org = it, itself
group = they, them, themselves
first = i, we, me, us
second = you

[relatives]
subject = who, which, that
object = whom
whose = whose
where = where

[prepositions]
against = against, versus, vs, vs.
of = of
by = by
with = with, alongside, along with, together with
between = between
in = in, inside, within, into
at = at
to = to, toward, towards
for = for, on behalf of
from = from, out of
on = on, upon, onto
over = over
as = as
via = via, through
among = among, amongst
about = about, regarding, concerning
behind = behind
including = including, such as, like, notably, among them, in particular
without = without
despite = despite, in spite of
according_to = according to, citing
time = after, before, during, since, until, amid, following, ahead of
under = under
near = near, outside

[conjunctions]
and = and, as well as, &, plus
or = or, nor
but = but, yet

[subordinators]
that = that
because = because, since, as, given that
when = when, whenever, once
if = if, unless, whether
while = while, whereas, although, though, even though, even as
so = so that, so
where = where
after = after, before, until
which_means = which means

# Words of time: after them "that"/"que" opens a complement clause.
[time_words]
monday, tuesday, wednesday, thursday, friday, saturday, sunday, january, february, march, april, may, june, july, august, september, october, november, december, today, yesterday, week, month, year, years, day, days, time, morning, evening, night, weekend

# Verb particles ("kicked off", "set up").
[particles]
off, up, out, down, back, over, away, on, in

# People who speak for their organization.
[spokes_words]
spokesman, spokeswoman, spokesperson, spokespeople, representative, representatives

# Last words of a financial backer's name.
[fin_words]
capital, ventures, partners, fund, investments, equity, invest, holdings, asset management

# Before a number, an approximation, not a preposition.
[approximately]
about, around, nearly, roughly, almost, some, over, under, approximately, up to

# Ministries' portfolios, capitalized by custom ("the Minister of Industry").
[portfolios]
industry, agriculture, economy, culture, interior, justice, defence, defense, health, education, labour, labor, finance, transport, environment, energy, housing, sport, trade, treasury, state

[infinitive_markers]
to

[gerund_markers]
by, after, before, while, when, for, without, in

[aux]
have = has, have, had, having, 've, 'd
be = is, are, was, were, be, been, being, 's, 're, 'm, am
will = will, would, shall, 'll, wo, going to, is going to, are going to, was going to, about to
do = did, does, do
get = got, gets, get, getting, gotten
can = can, ca, could, may, might, must, should

[modal]
plan = plans to, plan to, planned to, planning to, in talks to, in talks with, in discussions to, considering, considers, consider, is considering, weighing, weighs, intends to, intend to, intended to, aims to, aim to, aimed to, hopes to, hope to, hoped to, wants to, want to, wanted to, seeks to, seek to, sought to, seeking to, is set to, are set to, was set to, expected to, is expected to, are expected to, proposes to, proposed to, offered to, offers to, bid to, threatened to, threatens to, threatening to, vowed to, vows to, promised to, would like to, needs to, need to, needed to, has to, have to, must, should, ought to, prepared to, ready to, poised to, likely to, could, might, may
attempt = tried to, tries to, try to, trying to, attempted to, attempts to, attempting to
failure = failed to, fails to, fail to, refused to, refuses to, refuse to, declined to, declines to, decline to, unable to

[negation]
not, never, no longer, n't, neither, nor, hardly, no

[hedges]
reportedly, allegedly, apparently, purportedly, supposedly, possibly, perhaps, rumored, rumoured, according to, may, might, could, would, likely, sources said, people familiar

[adverbs]
also, again, already, previously, later, ultimately, officially, directly, personally, once, twice, even, just, still, then, now, recently, publicly, openly, sharply, harshly, strongly, fiercely, repeatedly, indirectly, explicitly, frequently, often, vocally, loudly, bitterly, heavily, quietly, secretly, formally, eventually, finally, immediately, initially, originally, first, soon, reportedly, allegedly, effectively, jointly, together, separately, successfully, unsuccessfully, privately, partly, fully, largely, mostly, only, all, both, each, too, currently, newly, surprisingly, notably, further, furthermore, moreover, however, meanwhile, instead, nonetheless, nevertheless, thereby, thus, therefore, back, not only, on monday, on tuesday, on wednesday, on thursday, on friday, on saturday, on sunday, on sunday evening, last week, last year, last month, this week, this year, this month, earlier this year, earlier this month, in a statement, in court, in federal court, yesterday, today, tonight

[former]
former, ex, ex-, erstwhile, onetime, one-time, outgoing, departing, previous, past, longtime

# Nouns that say a past membership on their own ("a veteran of GE").
# Heads of a group that acts for the organization it belongs to ("the board of Acme").
[governing_bodies]
board, management, leadership, directors

# Roles only an organization has: with no organization named, the one the article is about
# ("co-founder Greg Brockman", "Former CEO Howard Schultz").
[corporate_roles]
ceo, chief executive, chief executive officer, founder, co-founder, cofounder, chairman, chairwoman, executive chairman, cfo, coo, cto, chief financial officer, chief operating officer, chief technology officer, chief development officer, chief legal officer, chief marketing officer, board member, board director

[past_roles]
veteran, veterans, alumnus, alumni, alumna

# Words shaped like adverbs that are not ("family", "supply", "italy").
[not_adverbs]
family, supply, italy, july, ally, rally, apply, reply, only, early, fly, holy, daily, monthly, weekly, yearly, quarterly, elderly, friendly, deadly, belly, jelly, bully, assembly, anomaly, monopoly, comply, rely, multiply, imply, element, document, government, statement, investment, settlement, agreement, management, department, payment, development, employment, environment, moment, comment, segment, equipment, parliament, judgment, judgement, announcement, treatment, movement, commitment, entertainment, argument, experiment, tournament, shipment, appointment, endorsement, impeachment, harassment, punishment, establishment, achievement, enforcement, indictment, requirement, replacement, retirement, engagement, excitement, disagreement, arrangement, amendment, assessment, instrument

[participles]
brought, taken, led, run, won, made, held, built, bought, sold, left, quit, hit, set, put, paid, found, spun, sought, struck, told, thought, known, given, shown, seen, done, drawn, written, chosen, driven, sued, shut, cut, begun, broken, forgotten, ousted

# ---- content classes: verbs (clause stage, patterns) ----------------------------------

[verbs]
found = found, founds, founded, founding, co-found, co-founds, co-founded, co-founding, cofound, cofounds, cofounded, cofounding, establish, establishes, established, establishing, set up, sets up, setting up
create = create, creates, created, creating, start, starts, started, starting, launch, launches, launched, launching, form, forms, formed, forming, build, builds, built, building, develop, develops, developed, developing, help found, helped found, helped to found, helped build, helped to build, helped create, helped start, spun off, spin off, spins off
leave = leave, leaves, left, leaving, quit, quits, quitting, depart, departs, departed, departing, exit, exits, exited, exiting, abandon, abandoned, split from, splits from, parted ways with, part ways with, parting ways with, broke with, breaks with, broke away from, walked away from, walks away from, walk away from
resign = resign, resigns, resigned, resigning, step down, steps down, stepped down, stepping down, step aside, steps aside, stepped aside, stepping aside, step away, steps away, stepped away, stepping away, retire, retires, retired, retiring, bow out, bowed out, bows out, stand down, stood down, stands down
oust = oust, ousts, ousted, ousting, fire, fires, fired, firing, dismiss, dismisses, dismissed, sack, sacks, sacked, push out, pushed out, pushes out, force out, forced out, forces out, remove, removes, removed, removing, expel, expelled
sue = sue, sues, sued, suing, countersue, countersues, countersued, countersuing, take to court, takes to court, took to court, taking to court, took * to court, take * to court, takes * to court, drag * to court, dragged * to court
file = file, files, filed, filing, bring, brings, brought, bringing, lodge, lodges, lodged, lodging, initiate, initiates, initiated, launch legal action, launched legal action, pursue, pursues, pursued, pursuing, win, won, settle, settled, settles, settling, lose, lost, drop, dropped, dismiss, dismissed
accuse = accuse, accuses, accused, accusing, allege, alleges, alleged, alleging, charge, charges, charged, charging, blame, blames, blamed, blaming
criticize = criticize, criticizes, criticized, criticizing, criticise, criticises, criticised, criticising, attack, attacks, attacked, attacking, slam, slams, slammed, slamming, blast, blasts, blasted, blasting, mock, mocks, mocked, mocking, ridicule, ridicules, ridiculed, ridiculing, denounce, denounces, denounced, denouncing, lambast, lambaste, lambasted, lambastes, condemn, condemns, condemned, condemning, deride, derides, derided, insult, insults, insulted, insulting, troll, trolls, trolled, trolling, rebuke, rebukes, rebuked, chastise, chastised, excoriate, excoriated, disparage, disparaged, disparaging, berate, berated, roast, roasted, savage, savaged, assail, assailed, decry, decries, decried, scold, scolded, scorn, scorned, fault, faulted, castigate, castigated, vilify, vilified, defame, defamed, defaming, smear, smeared, question, questioned, questioning, challenge, challenged, dispute, disputes, disputed, disputing, oppose, opposes, opposed, opposing, hit out at, hits out at, hitting out at, lash out at, lashed out at, lashes out at, lashing out at, take aim at, took aim at, takes aim at, taking aim at, take a swipe at, took a swipe at, takes a swipe at, go after, went after, goes after, rail against, railed against, rails against, call out, called out, calls out, push back against, pushed back against, push back on, pushed back on, pushes back on, pushing back on, spar with, sparred with, clash with, clashed with, clashes with, complain about, complained about, complaining about, complain of, complained of, be at odds with, at odds with, feud with, feuded with, target, targets, targeted, targeting
praise = praise, praises, praised, praising, laud, lauds, lauded, lauding, hail, hails, hailed, hailing, admire, admires, admired, admiring, thank, thanks, thanked, thanking, commend, commends, commended, commending, applaud, applauds, applauded, applauding, celebrate, celebrated, celebrates, endorse, endorses, endorsed, endorsing, compliment, compliments, complimented, complimenting, congratulate, congratulates, congratulated, congratulating, salute, saluted, salutes, defend, defends, defended, defending, support, supports, supported, supporting, pay tribute to, paid tribute to, pays tribute to, heap praise on, heaped praise on, speak highly of, spoke highly of, speaks highly of, look up to, looked up to, looks up to, respect, respects, respected, welcome, welcomes, welcomed, welcoming, champion, championed, champions
acquire = acquire, acquires, acquired, acquiring, buy, buys, bought, buying, purchase, purchases, purchased, purchasing, take over, takes over, took over, taking over, snap up, snapped up, snaps up, absorb, absorbs, absorbed, swallow, swallowed, complete the acquisition of, completed the acquisition of, completes the acquisition of, close the acquisition of, closed the acquisition of
invest = invest, invests, invested, investing, back, backs, backed, backing, fund, funds, funded, funding, finance, finances, financed, financing, bet on, bets on, put money into, poured, pour, pours, pumped, inject, injected, injects, accumulate, accumulated, accumulates, amass, amassed, build up, built up, take, took, takes, taken, taking, acquire a stake, hold, holds, held, own
own = own, owns, owned, owning, majority-owned, wholly-owned, majority owned, wholly owned, partly owned, jointly owned, control, controls, controlled, controlling, operate, operates, operated, publish, publishes, published, include, includes, included, comprise, comprises
lead = lead, leads, led, leading, head, heads, headed, heading, run, runs, ran, running, chair, chairs, chaired, chairing, helm, helms, helmed, oversee, oversees, oversaw, take the helm of, took the helm of, takes the helm of, taking the helm of, take the helm at, took the helm at, preside over, presides over, presided over, manage, manages, managed
appoint = appoint, appoints, appointed, appointing, name, names, named, naming, hire, hires, hired, hiring, tap, tapped, taps, elect, elects, elected, promote, promoted, promotes, install, installed, choose, chose, chosen, pick, picked, recruit, recruited, recruits, poach, poached, replace, replaced, replaces, succeed, succeeded, succeeds, succeeding
join = join, joins, joined, joining, rejoin, rejoined, rejoins, return to, returned to, returns to, work at, works at, worked at, working at, work for, works for, worked for, working for, serve on, served on, serves on, sit on, sat on, sits on
partner = partner with, partners with, link up with, links up with, linked up with, linking up with, link up, links up, linked up, tie up with, ties up with, tied up with, join hands with, joined hands with, partnered with, partnering with, partner, partners, partnered, team up with, teams up with, teamed up with, teaming up with, team up, teamed up, teams up, join forces with, joined forces with, joins forces with, joining forces with, join forces, joined forces, ally with, allied with, allies with, collaborate with, collaborates with, collaborated with, collaborating with, collaborate, collaborated, cooperate with, cooperates with, cooperated with, cooperating with, merge with, merged with, merges with, merging with, merge, merged, work with, works with, worked with, working with, unite with, united with, tie up with, tied up with
sign = sign, signs, signed, signing, strike, strikes, struck, striking, reach, reaches, reached, reaching, conclude, concludes, concluded, concluding, seal, seals, sealed, sealing, ink, inks, inked, inking, clinch, clinched, agree, agreed, agrees, forge, forged, forges, enter into, entered into, enters into, form, formed, forms, announce, announced, announces, unveil, unveiled, finalize, finalized, finalise, finalised, complete, completed, extend, extended, renew, renewed, have, has, had
compete = compete with, competes with, competed with, competing with, compete against, competes against, competed against, competing against, compete, competes, competed, competing, rival, rivals, rivaled, rivalled, vie with, vies with, vied with, take on, takes on, took on, go head to head with, battle, battles, battled, battling
say = say, says, said, saying, tell, tells, told, telling, add, adds, added, adding, state, states, stated, stating, explain, explains, explained, explaining, write, writes, wrote, writing, tweet, tweets, tweeted, post, posts, posted, note, notes, noted, noting, argue, argues, argued, arguing, claim, claims, claimed, claiming, insist, insists, insisted, insisting, remark, remarked, reply, replies, replied, replying, respond, responds, responded, responding, acknowledge, acknowledged, acknowledges, admit, admits, admitted, admitting, declare, declares, declared, declaring, announce, announces, announced, announcing, warn, warns, warned, warning, suggest, suggests, suggested, believe, believes, believed, think, thinks, thought, feel, feels, felt, contend, contends, contended, maintain, maintains, maintained, assert, asserts, asserted, stress, stresses, stressed, emphasize, emphasized, emphasised, recall, recalls, recalled, told reporters, quip, quipped, cite, cites, cited, reveal, revealed, reveals, confirm, confirmed, confirms, report, reports, reported, describe, describes, described, comment, commented, complain, complained, lament, lamented, deplore, deplored, regret, regretted
call = call, calls, called, calling, describe, describes, described, describing, label, labels, labeled, labelled, labeling, brand, brands, branded, branding, dub, dubs, dubbed, term, termed, consider, considers, considered, see, sees, saw, view, views, viewed, portray, portrayed, paint, painted, characterize, characterized, characterise, characterised, refer to, referred to
deny = deny, denies, denied, denying, reject, rejects, rejected, rejecting, refute, refutes, refuted, rebut, rebutted, dismiss the claims, dismissed the claims, dismissed the allegations
be = become, becomes, became, becoming, remain, remains, remained, serve as, serves as, served as, act as, acted as, acts as
other = copy, copies, copied, copying, steal, steals, stole, stolen, recruit, recruits, come, comes, came, coming, become, becomes, became, look, looks, looked, mean, means, meant, represent, represents, represented, remain, remains, remained, emerge, emerged, emerges, result, resulted, results, respond, responds, responded, happen, happens, let, lets, put, puts, run, runs, bring, brings, brought, hope, hopes, hoped, miss, missed, seek, seeks, vote, voted, win, wins, won, lead, rise, rose, fall, fell, grow, grew, grown, change, changed, hit, hits, mark, marks, marked, signal, signals, signaled, describe, stop, stops, stopped, start, end, ends, follow, follows, followed, push, pushed, spend, spent, build, set, sets, pay, paid, stay, stayed, leave, meet, met, include, expect, fail, failed, kick, kicked, kicked off, make, makes, made, making, give, gives, gave, given, get, gets, got, go, goes, went, come, comes, came, see, sees, seen, know, knows, knew, known, want, wants, wanted, use, uses, used, using, find, finds, found, work, works, worked, try, tries, tried, ask, asks, asked, need, needs, needed, seem, seems, seemed, show, shows, showed, shown, keep, keeps, kept, begin, begins, began, help, helps, helped, allow, allows, allowed, pay, pays, paid, move, moves, moved, continue, continues, continued, provide, provides, provided, lose, loses, lost, happen, happened, expect, expects, expected, receive, receives, received, sell, sells, sold, require, requires, required, face, faces, faced, report, reported, raise, raised, cause, caused, decide, decided, hold, holds, held, offer, offered, close, closed, seek, sought, spread, agree, agreed, plan, planned, turn, turned, plead, pleaded, pressured, engaged, cancelled, canceled, produce, produced, wants, hurt, hurts, destroy, restrict, restricting, prevent, preventing, protect, protects, reboot, reach, reached, trigger, triggered, set, spark, sparked, ensure, settle, cited, confirmed, revealed, added, ended, moved, voted, struck, gained
# Asking for something: "called for X's resignation" criticizes X.
demand = call for, calls for, called for, calling for, demand, demands, demanded, demanding, push for, pushed for, pushes for, pushing for, urge, urges, urged, urging

[denial]
deny, denies, denied, denying, reject, rejected, refute, refuted, rebut, rebutted

[judgement_verbs]
# Verbs whose object is judged: the judged party is the owner of the object noun
# ("condemned Ratcliffe's remarks").

# ---- content classes: nouns -----------------------------------------------------------

[nouns]
role_lead = ceo, chief executive, chief executive officer, president, chairman, chairwoman, chair, chairperson, executive chairman, head, boss, leader, managing director, director general, director-general, general manager, editor-in-chief, editor, prime minister, premier, mayor, governor, chancellor, commissioner, secretary-general, secretary general, coach, manager
role_member = cfo, cto, coo, cmo, cio, chief financial officer, chief technology officer, chief operating officer, chief legal officer, chief marketing officer, chief scientist, chief economist, chief strategy officer, chief, officer, director, senior director, board member, board director, independent director, senior independent director, non-executive director, vice president, vice-president, vp, executive, senior executive, top executive, employee, engineer, researcher, scientist, member, spokesman, spokeswoman, spokesperson, representative, adviser, advisor, counsel, general counsel, lawyer, attorney, lawyers, attorneys, manager, analyst, economist, secretary, minister, journalist, reporter, correspondent, columnist, host, anchor, presenter, producer, writer, staffer, official, aide, strategist, partner, associate, designer, architect, developer, consultant, player, striker, midfielder, goalkeeper, defender, staff, veteran, veterans, alumnus, alumni, alumna
role_founder = founder, co-founder, cofounder, founders, co-founders, cofounders, founding father, creator
role_owner = owner, co-owner, coowner, majority owner, majority shareholder, controlling shareholder, proprietor, owners
role_investor = investor, backer, largest shareholder, biggest shareholder, main shareholder, principal shareholder, shareholder, stakeholder, investors, shareholders, minority shareholder, minor shareholder, early investor, early backer, financier
lawsuit = lawsuit, lawsuits, suit, suits, legal action, legal actions, legal challenge, complaint, complaints, legal complaint, litigation, legal proceedings, proceedings, legal battle, court battle, court case, case, cases, claim, claims, countersuit, class action, class-action lawsuit, injunction, petition
deal = deal, deals, agreement, agreements, partnership, partnerships, alliance, alliances, collaboration, collaborations, joint venture, joint ventures, venture, tie-up, pact, merger, mergers, accord, contract, contracts, settlement, cooperation, relationship, partnership deal, licensing deal, license agreement, licence agreement, license agreements, supply deal, union
partner = partner, partners, ally, allies, collaborator
acquisition = acquisition, acquisitions, takeover, takeovers, purchase, buyout, buyouts, bid, takeover bid
investment = investment, investments, stake, stakes, holding, holdings, shareholding, share, shares, equity, funding, backing
departure = departure, resignation, exit, ouster, firing, dismissal, removal, retirement, departures, resignations
# Someone's coming to a post: praising or denouncing it judges the person.
appointment = appointment, nomination, hiring, promotion, arrival, return, reinstatement, election
creation = creation, founding, foundation, formation, launch, birth
criticism = criticism, criticisms, critique, critiques, attack, attacks, accusation, accusations, allegation, allegations, broadside, tirade, swipe, jab, jabs, rant, diatribe, condemnation, rebuke, complaint about
praise = praise, tribute, tributes, compliment, compliments, thanks, gratitude, admiration, respect, endorsement, support
rivalry = rivalry, rivalries, competition, war, price war, battle, dispute, disputes, fight, standoff, conflict, litigation
# A quarrel between two parties: each criticizes the other.
quarrel = feud, feuds, spat, spats, war of words, falling-out, falling out, fallout, quarrel, quarrels, squabble, squabbles, bust-up, clash, clashes, row, rows, public spat, slanging match, shouting match
rival = rival, rivals, competitor, competitors, archrival, arch-rival, arch rival, challenger, adversary, foe, nemesis, peer
critic = critic, critics, detractor, detractors, opponent, opponents
parent = parent company, parent, parent group, owner company, holding company
subsidiary = subsidiary, subsidiaries, unit, division, arm, affiliate, property, brand, brands, label, imprint, offshoot, spin-off, spinoff
org = company, companies, firm, firms, startup, start-up, startups, lab, laboratory, group, giant, maker, developer, publisher, manufacturer, automaker, carmaker, car maker, bank, fund, organization, organisation, nonprofit, non-profit, ngo, foundation, institution, conglomerate, retailer, chipmaker, insurer, chain, grocer, airline, carrier, lender, broker, agency, studio, supplier, distributor, union, regulator, utility, investment firm, venture firm, asset manager, hedge fund, business, corporation, enterprise, club, team, party, government, administration, ministry, department, court, authority, commission, council, board, committee, body, association, federation, league, watchdog, competitor, entity, outfit, operator, provider, platform, network, service, designer, specialist, consultancy, house, holding, major, titan, behemoth, powerhouse, player, conglomerates, giants, automakers, carmakers, manufacturers
person = billionaire, entrepreneur, businessman, businesswoman, tycoon, mogul, magnate, investor, journalist, reporter, researcher, engineer, scientist, executive, lawyer, judge, politician, lawmaker, senator, minister, official, activist, star, actor, singer, heir, heiress, descendant, founder, man, woman, son, daughter, brother, sister, father, mother, wife, husband, king, queen, prince, princess, billionaires, figure, critic, proponent, supporter, opponent, veteran, player, chief
product = product, products, chatbot, app, apps, application, software, model, assistant, tool, platform, smartphone, phone, iphone, car, cars, vehicle, vehicles, console, game, games, video game, video games, search engine, browser, operating system, chip, chips, processor, processors, rocket, satellite, device, devices, drug, drugs, vaccine, vaccines, treatment, medicine, show, series, film, movie, brand, service, services, store, franchise, plane, aircraft, jet, engine, title, titles, network, channel
media = newspaper, paper, magazine, outlet, channel, broadcaster, daily, tabloid, network, news agency, agency, site, website, publication, station, programme, program, show, newsroom, network, media outlet, media outlets
place = city, country, state, region, capital, province, county, town, village, nation
group = executives, bosses, chiefs, leaders, officials, employees, staff, representatives, spokespeople, lawyers, members, engineers, researchers, board, directors, investors, shareholders, team, management, leadership, family, clan, heirs, activists, groups, states, countries, companies, firms, people, workers, unions, attorneys general
post = post, position, role, job, seat, chairmanship, presidency, leadership, helm, top job
amount = billion, million, trillion, percent, per cent, dollars, euros, pounds, bn, %

someone = someone, somebody

# Financial backers: who backs or supports something as they do invests in it.
fund = fund, funds, investment firm, venture firm, venture capital firm, private equity firm, hedge fund, asset manager, investor, investors, backer, backers

[plurals]
companies, firms, rivals, competitors, partners, executives, leaders, officials, employees, lawyers, members, investors, shareholders, founders, co-founders, cofounders, groups, states, games, products, chips, cars, brands, subsidiaries, lawsuits, suits, deals, agreements

[quantity_heads]
# "one of its competitors": the complement is the noun group that counts.
one, some, many, part, several, most, all, each, either, neither, none, two, three, both

[modifier_classes]
acquired = acquired, purchased, bought
owned = owned, controlled, majority-owned, wholly-owned, state-owned
backed = backed, funded, financed
founded = founded, co-founded, created
rival = rival
partner = partner

# ---- judgement words (quotes, attributions, reported speech) -------------------------

[judgement]
positive = hero, heroes, genius, visionary, role model, inspiration, legend, pioneer, brilliant, exceptional, remarkable, great, greatest, best, friend, mentor, idol, icon, treasure, champion, talented, talent, excellent, outstanding, intelligent, smart, wonderful, amazing, fantastic, incredible, terrific, impressive, admirable, grateful, thankful, thanks, thank, honored, honoured, proud, respect, respected, dedicated, dedication, trust, trusted, trustworthy, strong, tremendous, extraordinary, superb, good things, delighted, pleased, excited, welcome, welcomed, thrilled, happy, glad, praise, valuable, emblematic, iconic, magical, innovative, successful, success, leader, right outcome, appreciate, appreciation, gratitude, blessed, amazing journey, greatest thing, fabulous, lucky, honor, honour, privilege, commitment, vision, integrity, courage, courageous
negative = idiot, fool, moron, imbecile, liar, fraud, crook, charlatan, clown, hypocrite, tyrant, dangerous, incompetent, irresponsible, crazy, traitor, cheat, loser, jerk, bully, selfish, menace, con man, snake, joke, buffoon, megalomaniac, pathological, offensive, wrong, false, falsely, lie, lies, lying, unlawful, unlawfully, illegal, illegally, illegitimate, abusive, abuser, abuse, reckless, recklessly, misleading, mislead, misled, deceptive, deceive, deceived, flawed, baseless, unfounded, meritless, frivolous, absurd, outrageous, disgraceful, shameful, scandalous, unacceptable, harmful, harm, harms, damage, damaging, damages, destructive, disastrous, catastrophic, terrible, horrible, awful, bad, poor, failed, failure, failing, fail, mismanage, mismanaging, mismanaged, mismanagement, misconduct, wrongdoing, corrupt, corruption, conspiracy, conspired, defame, defamed, defamation, defamatory, disparage, disparaged, smear, copied, copy, stole, steal, stealing, theft, infringe, infringed, infringement, infringing, violate, violated, violation, violations, breach, breached, breaches, monopoly, monopolist, anti-competitive, anticompetitive, exclusionary, manipulate, manipulated, manipulation, exploit, exploited, greedy, greed, arrogant, arrogance, hostile, threat, threaten, threatened, attack, attacks, attacked, villain, craven, disappointed, disappointing, disappointment, jealous, envious, too nice, weak, pathetic, ridiculous, nonsense, dishonest, unfair, unfairly, discriminatory, discrimination, sexist, racist, toxic, mess, chaos, chaotic, complainer, complainer-in-chief, aggressive, predatory, secretly, hidden, fake, bogus, sham, flagrant, egregious, blatant, contradict, contradicts, mocked, insulted, ignores, ignored, ignore, inaccurate, heavy hand, dangerous precedent, unclear, accuse, accused, accusing, alleged, allegedly, allegations, complained, complaint, denounce, condemn, criticize, criticized, criticised, slam, slammed, blame, blamed, hurt, hurts, costly, extract more money, overcharge, overcharged, price gouging, withhold, degrade, yanked, villainous, cowardly, coward, bullying, harassment, assault, trafficking, pressured, explicit, destroy, destroyed, mismanaging, neglect, neglected, negligent, negligence, failing to

# Words that turn the judgement around: "not dangerous", "no fraud".
[judgement_negators]
not, no, never, n't, without, nor

# ---- markers ------------------------------------------------------------------------

[legal]
in court, to court, in federal court, before the court, in the courts, in a lawsuit, in a complaint, in a suit, legal, court, courts, tribunal, judge

# Words that accuse the defendant of a wrong (not a contract dispute): a lawsuit with one
# also criticizes.
[grievances]
alleging, alleges, alleged, allegation, allegations, accusing, accuses, defamation, defamatory, libel, slander, misconduct, fraud, fraudulent, harassment, discrimination, deceptive, misleading, lied, lying

[titles]
mr, mr., mrs, mrs., ms, ms., dr, dr., sir, dame, lord, lady, prof, prof., professor, president, vice president, senator, sen., rep., representative, congressman, congresswoman, governor, gov., mayor, judge, justice, chief justice, attorney general, solicitor general, prime minister, minister, secretary, chancellor, king, queen, prince, princess, pope, general, gen., colonel, captain, father, rev., reverend, saint, st., chairman, chairwoman, chief executive, ceo, cfo, coo, cto, founder, co-founder, executive chairman, director, commissioner, ambassador, deputy, senior, chief, officer, legal, independent, managing, executive, vice, interim, acting, former, us, u.s., district, federal, state, home, foreign, business, foreign secretary, home secretary, business secretary

# Lowercase nouns after a name that make it an organization's name ("the Biden administration").
[name_heads]
administration, government, campaign, camp, regime, cabinet, team

[org_suffixes]
inc, inc., incorporated, corp, corp., corporation, co, co., company, ltd, ltd., limited, llc, plc, lp, llp, sa, ag, gmbh, nv, bv, se, spa, ab, asa, oyj, kk, group, holding, holdings, labs, lab, laboratories, technologies, technology, tech, systems, motors, motor, airlines, airways, air, bank, bancorp, capital, ventures, partners, pharma, pharmaceuticals, therapeutics, biotech, biosciences, industries, industrial, foundation, institute, university, college, association, agency, studios, studio, entertainment, energy, energies, networks, network, software, robotics, solutions, ai, club, fc, council, insurance, telecom, telecommunications, communications, mobile, media, international, fund, trust, markets, stores, supermarkets, logistics, transport, realty, services, finance, financial, electronics, automotive, aviation, aerospace, health, healthcare, foods, brands, retail, games, sports, publishing, pictures, records, productions, consulting, digital, semiconductor, semiconductors, chemicals, investments, interactive, dynamics, commission, committee, department, ministry, court, authority, administration, office, bureau, police, army, party, union, federation, league, alliance, coalition, board, service, services, council, parliament, senate, congress, government, state, states, republic, nations, organization, organisation, reserve, exchange, school, hospital, church, management, trade commission, federal trade commission

[media_words]
journal, times, post, news, insider, tribune, gazette, herald, express, press, television, tv, radio, magazine, review, wire, today, daily, weekly, chronicle, guardian, telegraph, observer, reuters, bloomberg, afp, ap, verge, wired, techcrunch, axios, politico, cnn, bbc, nbc, abc, cbs, fox, msnbc, npr, pbs, economist, forbes, fortune, vox, vice, gq, vogue, newsweek, sun, mirror, mail, standard, independent, monde, figaro, echos, parisien, libération, liberation, obs, gps

[byline_words]
by, staff, writers, writer, reporter, reporters, correspondent, correspondents, editor, editors, contributor, photo, photos, photograph, image, images, credit, credits, file, copyright, reporting, writing, editing, additional, getty, istock, shutterstock, afp, reuters, ap, associated press, bloomberg


# Geographic heads: a name ending in one ("Black Sea", "Los Angeles County", "Wall Street") or
# opening one before "of" ("Gulf of Mexico") is a place.
[place_heads]
sea, ocean, gulf, bay, strait, straits, river, lake, mountains, valley, county, peninsula, desert, coast, street, avenue, boulevard, island, islands, isle, stadium, arena

# Direction words: before a known place they still name a place ("Central Florida").
[place_directions]
north, south, east, west, northern, southern, eastern, western, central, upper, lower, greater, northeast, northwest, southeast, southwest


# A company's own bodies: capitalized, they still name no entity of their own ("the Board of
# Directors", "the Special Committee").
[organs]
board of directors, executive committee, special committee, audit committee, supervisory board, management board, general meeting, annual general meeting, shareholders' meeting

[stop]
# Capitalized words that are not names on their own (sentence openers, headline words).
ai, internet, web, the, a, an, and, or, but, so, yet, for, nor, of, in, on, at, to, from, by, with, without, about, after, before, during, since, until, while, when, where, why, how, what, who, whom, which, that, this, these, those, there, here, it, its, he, she, they, we, you, i, his, her, their, our, my, your, them, him, us, me, if, as, than, then, also, however, meanwhile, still, though, although, because, despite, instead, moreover, furthermore, indeed, even, just, only, both, either, neither, each, every, all, some, many, most, more, less, few, several, other, another, such, no, not, yes, monday, tuesday, wednesday, thursday, friday, saturday, sunday, january, february, march, april, may, june, july, august, september, october, november, december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec, today, yesterday, tomorrow, last, next, first, new, former, late, according, mr, mrs, ms, dr, is, was, are, were, be, has, have, had, do, does, did, will, would, can, could, should, might, must, one, two, three, read, update, updated, photo, image, video, watch, sign, opinion, analysis, breaking, exclusive, says, said, over, under, into, out, up, down, off, again, further, once, now, earlier, later, recently, executives, representatives, ceo, president, analysts, analyst, experts, critics, officials, regulators, lawmakers, economists, observers, sources, residents, users, customers, consumers, workers, unions, authorities, prosecutors, investigators, researchers, scientists, citizens, voters, politicians, activists, protesters, top, news, more, related, advertisement, subscribe, share, comments, comment, click, here, story, stories, latest, live, follow, listen, getty, images, file, pm, am, gmt, est, edt, bst, cet, et, together, check, board, company, thumbnail, copyright, reporting, editing, writing, credit, photos, story continues, ad, sponsored, newsletter, covid, covid-19, coronavirus, mrna, dna, hiv, aids, gdp, please, note, inside, why, how, what, watch, see, also, top stories, most read, trending, back, home, menu, search, login, log in, sign up, unlike, oh, utc, cdt, cst, pdt, pst, mdt, mst, cest
