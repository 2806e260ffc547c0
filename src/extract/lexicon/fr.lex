# French lexicon. Sections hold comma-separated phrases; a phrase is words separated by
# spaces; `word*` matches any word starting with `word`. Forms are compared lowercased and
# without accents. `relation = ...` lines name the relation their triggers produce.

[verbs]
# A subject on the left, an object after the trigger.
founded = pour fonder, pour créer, pour lancer, fondé, fondée, fondés, fondées, fonda, fondèrent, fondent, fonder, cofond*, co-fond*, créé, créée, créa, créer, crée, contribué à construire, contribué à créer, contribué à fonder, aidé à construire, aidé à créer, aidé à fonder, participé à la création de, participé à la fondation de, mis sur pied, lancé la société, lancé l'entreprise, lancé la start-up
left = quitté, quitte, quittent, quitter, quittera, quittait, démissionné de, démissionne de, démissionner de, démissionné du, démissionne du, parti de, partie de, claqué la porte de, claqué la porte d', évincé de, évincée de, évincé du, limogé de, limogée de, renvoyé de, écarté de, écartée de, s'est retiré de, s'est retirée de, a pris ses distances avec
sued = poursuivi en justice, poursuivie en justice, poursuit en justice, poursuivent en justice, poursuivre en justice, attaqué en justice, attaquée en justice, attaque en justice, attaquer en justice, assigné en justice, assigné, assignée, assigne, traîné devant la justice, traîné en justice, porté plainte contre, porte plainte contre, portent plainte contre, déposé plainte contre, déposé une plainte contre, intenté un procès contre, intenté un procès à, intente un procès à, intenté une action en justice contre, intenté une action contre, engagé des poursuites contre, engagé une action en justice contre
partnered = collaborent, collaboraient, collaborent avec, collaboraient avec, coopèrent, coopéraient, se sont associés, se sont alliés, s'associent, s'allient, s'est associé à, s'est associée à, s'est associé avec, s'est associée avec, s'associe à, s'associe avec, s'allie à, s'allie avec, s'est allié à, s'est alliée à, s'est alliée avec, s'est allié avec, a noué un partenariat avec, noue un partenariat avec, a conclu un partenariat avec, conclut un partenariat avec, a signé un partenariat avec, signe un partenariat avec, a signé un accord avec, signe un accord avec, a conclu un accord avec, collabore avec, a collaboré avec, s'est associé, s'est associée
praised = salué, saluée, salue, saluent, saluer, félicité, félicitée, félicite, félicitent, féliciter, loué, louée, loue, louent, admire, admirent, admirons, admirez, admiré, admirée, admirer, admirait, remercié, remerciée, remercie, remercient, remercier, encensé, encensée, encense, applaudi, applaudit, rendu hommage à, rend hommage à, a fait l'éloge de, fait l'éloge de, a vanté, vante, vanté, soutenu publiquement, défendu publiquement
criticized = critiqué, critiquée, critique, critiquent, critiquer, critiquait, critiquant, accusé, accusée, accuse, accusent, accuser, accusait, accusant, dénoncé, dénoncée, dénonce, dénoncent, dénoncer, fustigé, fustigée, fustige, fustigent, fustiger, étrillé, étrille, attaqué, attaquée, attaque, attaquent, attaquer, attaquait, taclé, taclée, tacle, raillé, raillée, raille, ridiculisé, ridiculise, moqué, insulté, insultée, insulte, insulter, dénigré, dénigre, vilipendé, troller, trollé, trolle, trollait, s'en est pris à, s'en prend à, s'en prennent à, s'est moqué de, se moque de, s'est moquée de, reproché à, reproche à, tiré sur, tire sur, tirant sur, tirer sur, tiré à boulets rouges sur, tire à boulets rouges sur, mis en cause, met en cause, pris pour cible, prend pour cible, blâmé, blâme, condamné, condamne
leads = dirige, dirigent, dirigeait, dirigé, dirigée, préside, présidait, présidé, est à la tête de, était à la tête de, pilote, prendra la tête de, prend la tête de, a pris la tête de, prendre la tête de, pour prendre la tête de, a été nommé à la tête de, a été nommée à la tête de, sera à la tête de, succède à la tête de
member_of = a rejoint, rejoint, rejoignent, rejoindre, travaille chez, travaillait chez, travaille pour, siège au conseil d'administration de, siège au conseil de, est membre de, était membre de, a été embauché par, a été recruté par, pour rejoindre, va rejoindre, rejoindra
invested_in = investi dans, investit dans, investissent dans, investir dans, investi * dans, investi * * dans, investi * * * dans, investi * * * * dans, investi * * * * * dans, injecté * * * * dans, injecté * * * dans, a financé, finance, financé, financée, a soutenu financièrement, misé sur, parié sur, investi * * * * * * dans, investi * * * * * * * dans, investi * * * * * * * * dans, injecté * * * * * dans, injecté * * * * * * dans, injecté * * * * * * * dans, injecté * * * * * * * * dans, pris une participation dans, pris une participation de * dans, pris une participation de * * dans, acquis une participation dans, acquis une participation de * dans, acquis une participation de * * dans, détient une participation dans, détient une participation de * dans, détient * * du capital de, pris une participation minoritaire dans, pris une participation majoritaire dans, racheté une participation dans, détient * % de, détient * % du capital de, détient * * % de, détient * * % du capital de, possède * % de, possède * % du capital de, détient une part de, contrôle * % de
acquired = racheté, rachetée, rachète, rachètent, racheter, acquis, acquiert, acquièrent, acquérir, a mis la main sur, met la main sur, a pris le contrôle de, prend le contrôle de, absorbé, absorbe
owns = possède, possèdent, possédait, détient, détiennent, détenait, contrôle, contrôlent, contrôlait, est propriétaire de, était propriétaire de, édite, exploite
competes_with = rivalise avec, se livrent une guerre, se livrent une bataille, se livrent une concurrence, rivalisent avec, rivaliser avec, rivalisent, se font concurrence, s'affrontent, concurrence, concurrencent, concurrencer, fait concurrence à, font concurrence à, faire concurrence à, se bat contre, affronte, affrontent

[passive]
# Triggers after an auxiliary of the passive ("a été racheté par X"): object on the left, agent after "par".
sued = poursuivi, poursuivie, poursuivis, attaqué en justice, attaquée en justice, assigné, assignée
criticized = critiqué, critiquée, accusé, accusée, attaqué, attaquée, dénoncé, dénoncée, fustigé, fustigée, moqué, moquée
praised = salué, saluée, félicité, félicitée, loué, louée, encensé, encensée, admiré, admirée
founded = pour fonder, pour créer, pour lancer, fondé, fondée, fondés, fondées, cofondé, cofondée, co-fondé, co-fondée, créé, créée
acquired = racheté, rachetée, acquis, acquise, absorbé, absorbée
invested_in = financé, financée, soutenu, soutenue
owns = détenu, détenue, possédé, possédée, contrôlé, contrôlée, détenus, détenues, détenu majoritairement, détenue majoritairement, contrôlé majoritairement, contrôlée majoritairement
leads = dirigé, dirigée, présidé, présidée

[nouns]
left = départ, démission, sortie, éviction, limogeage
# A noun whose source follows "par" or "de" (or is the clause subject) and whose target follows "contre", "à l'encontre de"...
sued = procès, plainte, poursuite, poursuites, action en justice, recours
criticized = critique, critiques, attaque, attaques, accusation, accusations, charge, diatribe, réquisitoire, pique, piques
praised = éloge, éloges, hommage, louanges
acquired = rachat, acquisition
invested_in = investissement, participation
competes_with = concurrent, concurrente, concurrents, rival, rivale, rivaux

[partnership]
partnered = partenariat, partenariats, alliance, collaboration, coentreprise, co-entreprise, joint-venture, accord, accords, association

[against]
contre, à l'encontre de, à l'encontre du, à l'encontre des, à l'égard de, envers, visant, sur

[agent]
par, de la part de, de la part d', de, d', du

[with]
avec

[between]
entre

[and]
et, ainsi que

[including]
dont, notamment, parmi lesquels, parmi lesquelles, y compris

[object_heads]
# Nouns whose "de X" / "of X" complement is the real object: "salué le travail de X".
travail, action, actions, bilan, décision, décisions, stratégie, gestion, leadership, courage, vision, engagement, rôle, contribution, efforts, réussite, succès, politique, comportement, attitude, propos, déclarations, méthodes, pratiques, management, choix, initiative, initiatives, projet, projets

[subsidiary]
# "X, filiale de Y": Y owns X.
filiale, propriété, division, branche, marque

[parent]
maison mère, société mère, propriétaire, actionnaire principal, actionnaire majoritaire

[rivals]
# "X, Y's main rival" / "X, principal concurrent de Y": X competes with Y.
concurrent, concurrente, rival, rivale, adversaire

[resigns]
# Leaving without naming what is left: the organization the person heads in the sentence.
démissionne, démissionné, démissionnera, quittera ses fonctions, quitte ses fonctions, a quitté ses fonctions, quittera son poste, quitte son poste, a quitté son poste, prend sa retraite, prendra sa retraite, cède sa place, cédera sa place

[roles]
# A role noun, "de" and an organization: the person who holds it.
leads = pdg, p.-d.g., président-directeur général, président directeur général, directeur général, directrice générale, patron, patronne, président, présidente, dirigeant, dirigeante, chef, directeur exécutif, ceo
member_of = directeur financier, directrice financière, directeur technique, directrice technique, directeur, directrice, vice-président, vice-présidente, responsable, salarié, salariée, employé, employée, ingénieur, ingénieure, chercheur, chercheuse, administrateur, administratrice, membre du conseil d'administration, porte-parole, associé, associée, conseiller, conseillère, avocat, avocate
founded = fondateur, fondatrice, cofondateur, cofondatrice, co-fondateur, co-fondatrice
owns = propriétaire
invested_in = investisseur, investisseuse, actionnaire

[group_nouns]
# Plural people nouns: "les dirigeants de X" speak for X; "des dirigeants de X, dont A et B" are members.
dirigeants, responsables, cadres, employés, salariés, représentants, porte-parole, avocats, membres, ingénieurs, chercheurs, fondateurs, cofondateurs, administrateurs, actionnaires, investisseurs, porte-paroles, équipes, équipe, direction

[attribution]
# "X a traité Y de Z", "X considère Y comme Z": the judgement word Z decides praise or criticism.
traité, traite, traitait, traiter, qualifié, qualifie, qualifiait, qualifier, décrit, décrite, décrivait, décrire, considère, considérait, considéré, considérer, voit, voyait, présenté, présente, surnommé, surnomme, appelé, appelle, désigné

[praise_words]
héros, héroïne, génie, visionnaire, modèle, inspiration, légende, pionnier, brillant, brillante, exceptionnel, exceptionnelle, remarquable, formidable, extraordinaire, meilleur, meilleure, ami, amie, mentor, idole, grand homme

[insult_words]
idiot, idiote, imbécile, crétin, crétine, menteur, menteuse, escroc, fraudeur, charlatan, clown, hypocrite, tyran, dangereux, dangereuse, incompétent, incompétente, irresponsable, fou, folle, traître, traîtresse, voyou, tricheur, raté, ratée, égoïste, abruti, minable, bouffon, mégalomane

[speech_verbs]
déclaré, déclare, déclarait, dit, dire, écrit, écrivent, écrivait, affirmé, affirme, estimé, estime, expliqué, explique, ajouté, ajoute, indiqué, indique, souligné, souligne, confié, confie, lancé, martelé, assuré, assure, tweeté, publié, répondu, répond, raconté, raconte, rapporté, rapporte, précisé, précise, insisté, déploré, regretté, reconnu, admis

[negation]
ne, n', pas, jamais, aucun, aucune, nullement, guère, nié, nie, nient, démenti, dément, démentent, réfuté, réfute, refusé de, refuse de

[modal]
# Plans and attempts: what they introduce has not happened.
en discussions pour, en négociations pour, négocie pour, envisage de, envisagerait de, envisageait de, projette de, compte, comptait, menace de, menacé de, a menacé de, pourrait, pourraient, souhaite, voudrait, veut, tente de, a tenté de, cherche à, propose de, a proposé de, a renoncé à, renonce à

[hedges]
aurait, auraient, serait, seraient, selon, apparemment, présumé, présumément, prétendument, supposé, supposément, possiblement, peut-être, pourrait, pourraient

[aux]
a, ont, avait, avaient, aura, auront, est, sont, était, étaient, sera, seront, été, aurait, auraient, ait, aient, eu, avoir, être, va, vont, allait, vient de, venait de, a également, s', se, l', le, la, les, lui, leur

[passive_aux]
été, est, sont, était, étaient, sera, seront, soit, fut

[determiners]
le, la, les, l', un, une, des, du, de, d', son, sa, ses, leur, leurs, ce, cet, cette, ces, au, aux, à, notre, nos, votre, vos, mon, ma, mes

[possessive]
son, sa, ses

[plural_possessive]
leur, leurs

[skip]
# Words allowed between a verb and its object or between a subject and its verb.
publiquement, ouvertement, vivement, violemment, durement, sévèrement, sèchement, directement, récemment, également, aussi, encore, déjà, toujours, souvent, longtemps, finalement, officiellement, notamment, même, plusieurs, fois, clairement, largement, naturellement, désormais, alors, puis, ensuite, personnellement, vertement, abondamment, implicitement, explicitement, indirectement, nommément, hier, lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, fortement, beaucoup, tout, très, plus, moins, bien, mal, à, en, justice

[relative_subject]
qui, lequel, laquelle

[relative_object]
que, qu'

[boundaries]
mais, tandis, alors que, car, puisque, lorsque, quand, si, bien que, ;, :, «, », ", (, ), –, —, pendant que, avant de, après avoir

[gerund]
en

[pronouns_person]
il, elle

[pronouns_gendered]
# "il"/"elle" stand for any noun of their gender, a person or "le syndicat": the sentence's
# own subject when it came first, whatever its kind.
il, elle

[pronouns_org]


[pronouns_group]
ils, elles

[pronouns_first]
nous, je, j', on

[indefinite]
quelqu'un, quelqu'une

[person_descriptors]
milliardaire, multimilliardaire, entrepreneur, entrepreneuse, homme d'affaires, femme d'affaires, patron, patronne, dirigeant, dirigeante, fondateur, fondatrice, cofondateur, cofondatrice, pdg, directeur général, directrice générale, président, présidente, investisseur, investisseuse, journaliste, chercheur, chercheuse, ingénieur, ingénieure, magnat, homme le plus riche du monde, ministre, sénateur, sénatrice, député, députée, juge, avocat, avocate, directeur, directrice

[org_descriptors]
société, entreprise, groupe, maison, laboratoire, start-up, startup, jeune pousse, firme, compagnie, constructeur, géant, éditeur, fabricant, banque, fonds, organisation, association, fondation, institution, plateforme, réseau social, opérateur, labo, filiale, maison mère, chaîne, enseigne, distributeur, fournisseur, compagnie aérienne, transporteur, assureur, courtier, agence, studio, marque, syndicat, régulateur, holding, conglomérat, fonds d'investissement, quotidien, chaîne de télévision, radio, cabinet, équipementier, industriel, sidérurgiste, pétrolier, laboratoire pharmaceutique, énergéticien

[product_nouns]
produit, produits, chatbot, agent conversationnel, application, appli, logiciel, modèle, assistant, outil, robot conversationnel, plateforme, smartphone, voiture, véhicule, console, jeu, moteur de recherche, navigateur, système d'exploitation, puce, processeur, fusée, satellite, réseau

[media_cues]
journal, quotidien, hebdomadaire, magazine, revue, chaîne, radio, agence, site d'information, média, médias

[media_words]
journal, times, post, news, insider, tribune, gazette, herald, monde, figaro, libération, echos, express, obs, parisien, presse, télévision, tv, radio, magazine, review, wire, today, daily, weekly, chronicle, guardian, telegraph, observer, reuters, bloomberg, afp, press

[org_suffixes]
logistique, logistics, transports, transport, immobilier, distribution, services, finance, finances, assurance, industrie, industries, électronique, automobile, automobiles, aviation, santé, alimentaire, énergies, télécoms, télécommunications, éditions, productions, studio, films, pictures, records, consulting, conseils, informatique, numérique, digital, semiconducteurs, bancaire, capital, investissements, participations, médical, biotech, pharmaceutique, chimie, aéronautique, spatial, space, motors, foods, brands, retail, games, sports, airlines, partners, inc, inc., corp, corp., corporation, ltd, ltd., llc, sa, sas, sarl, se, ag, gmbh, plc, nv, bv, group, groupe, holding, holdings, labs, lab, technologies, technology, tech, systems, motors, airlines, airways, bank, banque, capital, ventures, partners, pharma, pharmaceuticals, industries, foundation, fondation, institute, institut, université, university, company, co, association, agency, agence, studios, entertainment, energy, énergie, networks, software, robotics, solutions, ai, ia, club, fc, conseil, assurances, telecom, télécom, mobile, media, médias, international

[person_titles]
m., mme, mlle, mr, mrs, ms, dr, me, monsieur, madame, sir, lord, lady, président, présidente, ministre, sénateur, sénatrice, juge, maître, professeur, prof

[place_words]
ville, pays, région, état, capitale, province

[stop]
# Capitalized words that start sentences but are not names.
ia, ai, internet, web, le, la, les, l', un, une, des, du, de, d', au, aux, à, en, et, ou, mais, donc, or, ni, car, ce, cet, cette, ces, c', ça, cela, ceci, il, elle, ils, elles, on, nous, vous, je, j', tu, qui, que, qu', quoi, dont, où, quand, comment, pourquoi, si, s', sur, sous, dans, par, pour, avec, sans, entre, contre, vers, chez, depuis, pendant, avant, après, selon, suite, malgré, cependant, pourtant, toutefois, néanmoins, ainsi, alors, puis, ensuite, enfin, aussi, encore, déjà, bien, très, plus, moins, tout, tous, toute, toutes, chaque, aucun, aucune, plusieurs, certains, certaines, d'autres, autres, autre, même, mon, ma, mes, ton, ta, tes, son, sa, ses, notre, nos, votre, vos, leur, leurs, lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre, hier, aujourd'hui, demain, oui, non, voici, voilà, lors, dès, outre, parmi, face, grâce, afin, bref, certes, mardi, là, ici, ne, n', y, lorsque, puisque, tandis, comme, sauf, hors, jusqu', jusque, par exemple, exemple, cas, mais, pourquoi, l'année, année, semaine, mois, jour, représentants, dirigeants, e-mails, premier, première, dernier, dernière, nouveau, nouvelle, ancien, ancienne, sur, pour, la plupart, plupart, selon, ajoutant, interrogé, contacté, président, ministre, monsieur, madame, m., mme, analystes, experts, observateurs, critiques, responsables, élus, économistes, sources, habitants, utilisateurs, clients, consommateurs, travailleurs, syndicats, autorités, procureurs, enquêteurs, chercheurs, scientifiques, citoyens, électeurs, politiques, militants, manifestants
