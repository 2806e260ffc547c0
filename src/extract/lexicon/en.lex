# English lexicon; same format as fr.lex.

[verbs]
founded = founded, founds, to start, to found, to launch, co-founded, cofounded, co-founds, co-found, cofound, started, starts, set up, sets up, established, establishes, created, creates, launched the company, launched the startup, helped found, helped to found, helped build, helped to build, helped create, helped start, was a co-founder of, was a cofounder of, is a co-founder of, is a cofounder of
left = left, leaves, leave, leaving, quit, quits, quitting, resigned from, resigns from, resign from, resigned as * of, resigned as * * of, ousted as * of, ousted as * * of, was fired as * of, was fired as * * of, removed as * of, removed as * * of, stepped down as * * of, stepped down from, steps down from, stepped down as * of, stepped away from, departed, departs, departed from, walked away from, exited, was ousted from, was fired from, was pushed out of, was forced out of, was removed from, split from, parted ways with, broke with, broke away from, stepped down as, steps down as, stepping down as, resigned as, resigns as, quit as, was ousted as, ousted as
sued = sued, sues, sue, suing, filed a lawsuit against, files a lawsuit against, filed suit against, filed a suit against, filed a complaint against, filed a legal complaint against, brought a lawsuit against, brought suit against, took * to court, takes * to court, is suing, launched legal action against, took legal action against, filed legal action against, initiated legal proceedings against
partnered = partnered with, partners with, partner with, partnering with, partnered, teamed up, joined forces, teamed up with, teams up with, team up with, allied with, signed a deal with, signs a deal with, struck a deal with, strikes a deal with, signed an agreement with, signed a partnership with, formed a partnership with, forged a partnership with, entered a partnership with, collaborated with, collaborates with, joined forces with, joins forces with
praised = praised, praises, praise, praising, lauded, lauds, hailed, hails, admired, admires, admire, thanked, thanks, commended, commends, applauded, applauds, celebrated, endorsed, endorses, complimented, compliments, defended, defends, paid tribute to, pays tribute to, heaped praise on, spoke highly of, speaks highly of, looked up to, looks up to
criticized = criticized, criticised, criticizes, criticises, criticize, criticise, criticizing, criticising, attacked, attacks, attack, attacking, accused, accuses, accuse, accusing, slammed, slams, slamming, blasted, blasts, mocked, mocks, mocking, ridiculed, ridicules, denounced, denounces, lambasted, lambastes, condemned, condemns, derided, derides, insulted, insults, trolled, trolls, trolling, took aim at, takes aim at, taking aim at, lashed out at, lashes out at, hit out at, hits out at, went after, goes after, blamed, blames, rebuked, rebukes, chastised, excoriated, disparaged, berated, roasted, savaged, took a swipe at, takes a swipe at, taking a swipe at, railed against, rails against, called out, calls out
leads = leads, led, heads, headed, runs, ran, chairs, chaired, is the ceo of, was the ceo of, is chief executive of, is the chief executive of, is at the helm of, helms, helmed, oversees, took the helm of, takes the helm of, will take the helm of, to take the helm of, took the helm at, was named chief executive of, was appointed chief executive of, will lead
member_of = joined, joins, works at, worked at, works for, worked for, sits on the board of, sat on the board of, serves on the board of, served on the board of, is a member of, was a member of, was hired by, was recruited by, to join, will join
invested_in = invested in, invests in, invest in, investing in, invested * * * * in, invested * * * * * in, invested * * * * * * in, invest * in, invest * * in, invest * * * in, invests * in, invests * * in, investing * * in, invested * in, invested * * in, invested * * * in, poured * into, poured * * into, poured * * * into, backed, backs, funded, funds, financed, finances, bet on, put money into, invested * * * * * * * in, invested * * * * * * * * in, poured * * * * into, poured * * * * * into, poured * * * * * * into, bought a stake in, bought a * stake in, bought a * * stake in, took a stake in, took a * stake in, acquired a stake in, acquired a * stake in, acquired a * * stake in, holds a stake in, holds a * stake in, has a stake in, has a * stake in, took a * * stake in, owns * % of, holds * % of, owns a * % stake in, holds a * % stake in, owns * percent of, holds * percent of, owns about * percent of, holds about * percent of
acquired = acquired, acquires, acquire, acquiring, bought, buys, buy, buying, purchased, purchases, took over, takes over, snapped up, snaps up, absorbed
owns = owns, owned, own, controls, controlled, operates, publishes, runs the, is the owner of, was the owner of, holds a stake in, holds a majority stake in
competes_with = competes with, are locked in a price war, are locked in a battle, are in a price war, compete with, competed with, competing with, compete, compete fiercely, competed, rivals, rivaled, rivalled, takes on, took on, goes head to head with, is up against, vies with, battles

[passive]
sued = sued
criticized = criticized, criticised, attacked, accused, slammed, mocked, ridiculed, denounced, condemned, blasted
praised = praised, lauded, hailed, admired, thanked, commended, applauded
founded = founded, co-founded, cofounded, started, established, created
acquired = acquired, bought, purchased, taken over
invested_in = backed, funded, financed
owns = owned, controlled, operated, majority-owned, majority owned, wholly-owned, wholly owned, partly owned, jointly owned
leads = led, headed, run, chaired

[nouns]
left = departure, resignation, exit, ouster
sued = lawsuit, lawsuits, suit, legal complaint, complaint, legal action, legal challenge, litigation, legal battle, case
criticized = critic, critics, detractor, criticism, criticisms, critique, attack, attacks, accusation, accusations, broadside, tirade, swipe, jab, jabs, rant, diatribe
praised = praise, tribute, compliment, compliments
acquired = acquisition, takeover, purchase, buyout
invested_in = investment, stake
competes_with = competitor, competitors, rival, rivals, challenger

[partnership]
partnered = partnership, partnerships, alliance, collaboration, joint venture, deal, agreement, tie-up, pact

[against]
against, of, on, at, toward, towards, targeting, over

[agent]
by, from

[with]
with

[between]
between

[and]
and, as well as

[including]
including, among them, such as, notably, like

[object_heads]
# Nouns whose "de X" / "of X" complement is the real object: "salué le travail de X".
work, leadership, decision, decisions, strategy, efforts, role, contribution, success, handling, vision, courage, policies, policy, behavior, behaviour, comments, remarks, management, approach, response, record, products, plan, plans, choices

[subsidiary]
# "X, a subsidiary of Y": Y owns X.
subsidiary, unit, division, arm, affiliate, property

[parent]
# "X, Y's parent company" / "X, the owner of Y": X owns Y.
parent company, parent, owner, holding company

[rivals]
# "X, Y's main rival" / "X, principal concurrent de Y": X competes with Y.
rival, rivals, competitor, competitors, archrival, arch-rival

[resigns]
# Leaving without naming what is left: the organization the person heads in the sentence.
step down, steps down, stepped down, stepping down, resign, resigns, resigned, resigning, quit, quits, retire, retires, retired, leave the company, leaves the company

[roles]
leads = ceo, chief executive, chief executive officer, president, chairman, chairwoman, chair, head, boss, leader, managing director, executive chairman
member_of = cfo, cto, coo, chief financial officer, chief technology officer, chief operating officer, chief scientist, chief, director, vice president, vp, executive, employee, engineer, researcher, board member, member, spokesman, spokeswoman, spokesperson, partner, adviser, advisor, lawyer, general counsel, manager
founded = founder, co-founder, cofounder
owns = owner
invested_in = investor, backer, shareholder

[group_nouns]
executives, leaders, officials, employees, staff, representatives, spokespeople, lawyers, members, engineers, researchers, founders, co-founders, cofounders, board, directors, investors, shareholders, team, management, leadership

[attribution]
called, calls, call, calling, described, describes, describe, labeled, labelled, labels, branded, brands, dubbed, dubs, considers, considered, consider, sees, saw, views, viewed, named, referred to

[praise_words]
hero, heroes, genius, visionary, role model, model, inspiration, legend, pioneer, brilliant, exceptional, remarkable, great, greatest, best, friend, mentor, idol, icon, treasure, champion

[insult_words]
idiot, fool, moron, imbecile, liar, fraud, crook, charlatan, clown, hypocrite, tyrant, dangerous, incompetent, irresponsible, crazy, traitor, cheat, loser, jerk, bully, selfish, menace, con man, snake, joke, buffoon, megalomaniac, pathological

[speech_verbs]
said, says, say, wrote, writes, write, told, tells, added, adds, stated, states, explained, explains, tweeted, tweets, posted, posts, noted, notes, argued, argues, claimed, claims, insisted, insists, remarked, replied, responded, acknowledged, admitted, declared, declares

[negation]
not, never, no, n't, didn, doesn, don, hasn, haven, hadn, wasn, isn, aren, weren, won, wouldn, denied, denies, deny, denying, refused to, refuses to, declined to, neither, nor

[modal]
# Plans and attempts: what they introduce has not happened.
in talks to, in talks with, talks to, considering, is considering, weighing, plans to, planning to, planned to, intends to, intend to, threatened to, threatens to, could, might, is expected to, are expected to, is set to, hopes to, wants to, seeking to, seeks to, tried to, attempted to, failed to, proposed to, offered to, bid to

[hedges]
reportedly, allegedly, apparently, purportedly, supposedly, may, might, could, would, according to, reported, rumored, rumoured, possibly, perhaps

[aux]
has, have, had, is, are, was, were, been, be, being, will, would, did, does, do, also, has also, had also, to, going to, just, 's

[passive_aux]
was, were, been, is, are, be, being, got, gets

[determiners]
the, a, an, its, his, her, their, this, that, these, those, our, my, your, to, of

[possessive]
its, his, her

[plural_possessive]
their

[skip]
publicly, openly, sharply, harshly, strongly, fiercely, repeatedly, recently, also, again, already, previously, later, ultimately, officially, directly, personally, once, twice, even, just, still, then, now, reportedly, allegedly, repeatedly, indirectly, explicitly, implicitly, frequently, often, vocally, loudly, bitterly, heavily, yesterday, monday, tuesday, wednesday, thursday, friday, saturday, sunday, last, week, year, month

[relative_subject]
who, which, that

[relative_object]
that, which, whom

[boundaries]
but, while, whereas, although, though, because, when, if, unless, ;, :, ", “, ”, (, ), –, —, after, before

[gerund]

[pronouns_person]
he, she

[pronouns_org]
it

[pronouns_group]
they

[pronouns_first]
we, i

[indefinite]
someone, somebody

[person_descriptors]
billionaire, entrepreneur, businessman, businesswoman, tycoon, mogul, founder, co-founder, cofounder, ceo, chief executive, executive, chairman, president, investor, journalist, reporter, researcher, engineer, richest man, richest person, world's richest man, minister, senator, judge, lawyer, boss

[org_descriptors]
company, firm, startup, start-up, lab, laboratory, group, giant, maker, developer, publisher, manufacturer, automaker, carmaker, bank, fund, organization, organisation, nonprofit, non-profit, foundation, institution, platform, network, operator, subsidiary, parent company, conglomerate, retailer, chipmaker, insurer, chain, grocer, airline, carrier, lender, broker, agency, studio, brand, supplier, distributor, union, regulator, utility, holding company, investment firm, venture firm, asset manager, hedge fund, outlet, broadcaster, newspaper, telecom

[product_nouns]
product, products, chatbot, app, application, software, model, assistant, tool, platform, smartphone, phone, car, vehicle, console, game, search engine, browser, operating system, chip, processor, rocket, satellite, network, device

[media_cues]
newspaper, paper, magazine, outlet, channel, network, agency, site, publication, broadcaster, daily, tabloid

[media_words]
journal, times, post, news, insider, tribune, gazette, herald, monde, figaro, express, press, television, tv, radio, magazine, review, wire, today, daily, weekly, chronicle, guardian, telegraph, observer, reuters, bloomberg, afp, verge, wired, techcrunch, axios, politico

[org_suffixes]
logistics, transport, realty, distribution, services, finance, financial, insurance, industries, electronics, automotive, aviation, health, healthcare, foods, brands, retail, games, sports, publishing, press, pictures, records, productions, studio, consulting, digital, semiconductor, semiconductors, aerospace, space, biotech, therapeutics, medical, chemicals, airlines, motors, investments, holdings, telecommunications, communications, interactive, dynamics, inc, inc., corp, corp., corporation, ltd, ltd., llc, plc, sa, ag, gmbh, nv, bv, group, holding, holdings, labs, lab, technologies, technology, tech, systems, motors, airlines, airways, bank, capital, ventures, partners, pharma, pharmaceuticals, industries, foundation, institute, university, college, company, co, co., association, agency, studios, entertainment, energy, networks, software, robotics, solutions, ai, club, fc, council, insurance, telecom, mobile, media, international, fund, trust, market, markets, stores, store, supermarkets, mart

[person_titles]
mr, mr., mrs, mrs., ms, ms., dr, dr., sir, lord, lady, president, senator, sen., rep., governor, judge, justice, professor, prof., ceo, chairman, billionaire, founder, co-founder, executive

[place_words]
city, country, state, region, capital, province

[stop]
ai, internet, web, the, a, an, and, or, but, so, yet, for, nor, of, in, on, at, to, from, by, with, without, about, after, before, during, since, until, while, when, where, why, how, what, who, whom, which, that, this, these, those, there, here, it, its, he, she, they, we, you, i, his, her, their, our, my, your, them, him, us, me, if, as, than, then, also, however, meanwhile, still, yet, though, although, because, despite, instead, moreover, furthermore, indeed, even, just, only, both, either, neither, each, every, all, some, many, most, more, less, few, several, other, another, such, no, not, yes, monday, tuesday, wednesday, thursday, friday, saturday, sunday, january, february, march, april, may, june, july, august, september, october, november, december, today, yesterday, tomorrow, last, next, first, new, former, late, according, mr, mrs, ms, dr, is, was, are, were, be, has, have, had, do, does, did, will, would, can, could, should, might, must, in addition, for example, one, two, three, chief, read, update, updated, photo, image, video, watch, sign, opinion, analysis, breaking, exclusive, says, said, over, under, into, out, up, down, off, again, further, once, now, earlier, later, recently, executives, representatives, ceo, president, analysts, analyst, experts, critics, officials, regulators, lawmakers, economists, observers, sources, residents, users, customers, consumers, workers, unions, authorities, prosecutors, investigators, researchers, scientists, citizens, voters, politicians, activists, protesters
