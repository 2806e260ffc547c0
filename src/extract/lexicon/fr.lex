# French lexicon: the words of each class the stages and the patterns (../patterns/fr.pat)
# refer to. `tag = a, b, c` puts phrases in a class; `word*` is any word starting with `word`;
# `*` is any one word. Forms are compared lowercased and without accents.

# ---- function words (phrase stage) ---------------------------------------------------

[determiners]
definite = le, la, les, l'
indefinite = un, une, des, d'autres, aucun, aucune, quelques, plusieurs, certains, certaines
possessive = son, sa, ses
plural_possessive = leur, leurs
first_possessive = notre, nos, mon, ma, mes, votre, vos
demonstrative = ce, cet, cette, ces, ledit, ladite

[pronouns]
person = il, elle, lui, celui-ci, celle-ci
group = ils, elles, eux, ceux-ci, celles-ci
first = je, j', nous, on, moi
second = vous, tu

[relatives]
subject = qui, lequel, laquelle, lesquels, lesquelles
object = que, qu'
whose = dont, duquel
where = où

[prepositions]
against = contre, à l'encontre de, à l'encontre du, à l'encontre des, à l'encontre d', à l'égard de, envers, face à, vis-à-vis de
of = de, d', du, des
by = par, de la part de, de la part d'
with = avec, aux côtés de, auprès de, en compagnie de
between = entre
in = dans, en, au sein de, au sein du, au sein d'
at = chez
to = à, au, aux, vers
for = pour, au profit de, au nom de
from = depuis, de chez
on = sur
as = comme, en tant que, en qualité de
via = via, par l'intermédiaire de, grâce à
among = parmi
about = concernant, au sujet de, à propos de, quant à
behind = derrière
including = dont, notamment, comme, y compris, parmi lesquels, parmi lesquelles, tels que, telles que, tel que
without = sans
despite = malgré
according_to = selon, d'après, citant
time = après, avant, devant, pendant, lors de, lors du, suite à, à la suite de, à la suite du, depuis, jusqu'à, jusqu'au, jusqu'aux, jusqu'en
under = sous

[conjunctions]
and = et, ainsi que, de même que
or = ou, ni
but = mais

[subordinators]
that = que, qu'
because = parce que, parce qu', car, puisque, puisqu', comme, étant donné que
when = quand, lorsque, lorsqu', dès que
if = si, s'il, s'ils
while = tandis que, tandis qu', alors que, alors qu', bien que, bien qu', même si, pendant que
so = afin que, pour que, de sorte que, si bien que
after = avant que, après que, jusqu'à ce que

# Words of time: after them "that"/"que" opens a complement clause.
[time_words]
lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre, aujourd'hui, hier, semaine, mois, an, ans, année, années, jour, jours, matin, soir, fois, temps

# People who speak for their organization.
[spokes_words]
porte-parole, porte-paroles, représentant, représentante, représentants

# Third-person verb forms: a "nous" before them is an object ("nous a poursuivis").
[third_person]
a, ont, avait, avaient, aura, auront, aurait, auraient, est, sont, était, étaient, sera, seront, va, vont, veut, peut, doit, fait, dit

[fin_words]
capital, ventures, partners, fund, fonds, investissements, invest, participations, gestion

# Before a number, an approximation, not a preposition.
[approximately]
environ, près de, presque, quelque, plus de, moins de

# Ministries' portfolios, capitalized by custom ("le ministre de l'Industrie").
[portfolios]
industrie, agriculture, économie, culture, intérieur, justice, défense, santé, éducation, travail, finances, transports, environnement, écologie, énergie, numérique, logement, sports, armées, outre-mer, recherche, enseignement, budget, commerce, tourisme, solidarités, emploi, fonction publique

[infinitive_markers]
de, d', à, pour, sans, afin de, avant de, après

[gerund_markers]
en

[aux]
have = a, ont, avait, avaient, aura, auront, aurait, auraient, ait, aient, eu, avoir, as, avons, avez, ayant, eut
be = est, sont, était, étaient, sera, seront, serait, seraient, été, être, soit, soient, fut, furent, étant, es, sommes, êtes
will = va, vont, allait, allaient, ira, iront, vient de, vient d', viennent de, venait de, venait d', vient, viennent
reflexive = se, s'
clitic = l', le, la, les, lui, leur, y

[modal]
plan = envisage de, envisage d', envisagent de, envisageait de, envisagerait de, projette de, projettent de, compte, comptent, comptait, prévoit de, prévoient de, prévoyait de, souhaite, souhaitent, souhaitait, voudrait, voudraient, veut, veulent, voulait, espère, espèrent, menace de, menacent de, a menacé de, menaçait de, s'apprête à, s'apprêtent à, pourrait, pourraient, devrait, devraient, doit, doivent, en discussions pour, en négociations pour, négocie pour, est sur le point de, serait sur le point de, propose de, a proposé de, proposait de
attempt = tente de, tentent de, a tenté de, tentait de, cherche à, cherchent à, cherchait à, essaie de, a essayé de
failure = a renoncé à, renonce à, renoncent à, refuse de, refusent de, a refusé de, refusait de, n'a pas réussi à, échoue à, a échoué à

[negation]
ne, n', pas, jamais, aucun, aucune, nullement, guère, ni, plus jamais, non

[hedges]
aurait, auraient, serait, seraient, selon, apparemment, présumé, présumée, présumément, prétendument, supposé, supposément, possiblement, peut-être, pourrait, pourraient, probablement, vraisemblablement

[adverbs]
publiquement, ouvertement, vivement, violemment, durement, sévèrement, sèchement, directement, récemment, également, aussi, encore, déjà, toujours, souvent, longtemps, finalement, officiellement, notamment, même, clairement, largement, naturellement, désormais, alors, puis, ensuite, personnellement, vertement, abondamment, implicitement, explicitement, indirectement, nommément, hier, fortement, beaucoup, très, bien, mal, enfin, aussitôt, immédiatement, bientôt, rapidement, discrètement, secrètement, conjointement, ensemble, officieusement, définitivement, pourtant, cependant, toutefois, néanmoins, ainsi, donc, en effet, d'ailleurs, par ailleurs, de son côté, de leur côté, à son tour, à leur tour, dans la foulée, en outre, lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, ce lundi, ce mardi, ce mercredi, ce jeudi, ce vendredi, ce samedi, ce dimanche, ce matin, ce soir, cette semaine, cette année, l'an dernier, l'année dernière, en justice, fermement, logiquement, totalement, entièrement, partiellement, seulement, uniquement, surtout, plutôt, tout juste, à nouveau, de nouveau, une nouvelle fois, depuis des mois, depuis des années, pour de bon, d'emblée, d'abord, auparavant

[former]
ancien, ancienne, anciens, anciennes, ex, ex-, ex-futur, sortant, sortante, précédent, précédente, feu

# Nouns that say a past membership on their own ("a veteran of GE").
# Heads of a group that acts for the organization it belongs to ("the board of Acme").
[governing_bodies]
conseil, direction, directoire

# Des fonctions qu'une organisation seule confère : sans organisation nommée, celle dont
# parle l'article ("le cofondateur X", "l'ex-PDG Y").
[corporate_roles]
pdg, p.-d.g., directeur général, directrice générale, président-directeur général, présidente-directrice générale, fondateur, fondatrice, cofondateur, cofondatrice, co-fondateur, co-fondatrice, directeur financier, directrice financière, président du conseil d'administration, présidente du conseil d'administration, président du directoire, présidente du directoire, administrateur, administratrice

[past_roles]
vétéran, vétérans, vétérane

[not_adverbs]
gouvernement, document, moment, département, parlement, jugement, traitement, mouvement, règlement, paiement, investissement, financement, développement, établissement, événement, évènement, comportement, engagement, lancement, licenciement, remplacement, rapprochement, changement, fonctionnement, environnement, argument, élément, segment, équipement, placement, classement, recrutement, agrément, rattachement, désengagement, démembrement, enregistrement, renouvellement, autrement, également, seulement, notamment, rapidement, récemment, sentiment, armement, logement, versement, tournement, rebondissement, détournement, dénigrement, enseignement

[participles]
pris, mis, dit, fait, écrit, acquis, conquis, détenu, détenue, détenus, détenues, soutenu, soutenue, poursuivi, poursuivie, conclu, conclue, élu, élue, nommé, nommée, né, née, ouvert, ouverte, offert, offerte, repris, reprise, remis, remise, compris, permis, promis, produit, construit, construite, vendu, vendue, rendu, rendue, perdu, perdue, obtenu, obtenue, devenu, devenue, venu, venue, parti, partie, absorbé, cédé, cédée, racheté, rachetée, fondé, fondée, créé, créée, assigné, assignée, attaqué, attaquée, condamné, condamnée, visé, visée, accusé, accusée, critiqué, critiquée, débarqué, débarquée, évincé, évincée, limogé, limogée, confié, confiée, assuré, assurée, dirigé, dirigée, présidé, présidée

# Verbs conjugated with "être" in the active ("est parti", "est devenu"): no passive.
[etre_verbs]
parti, partie, partis, parties, devenu, devenue, devenus, devenues, venu, venue, venus, revenu, revenue, arrivé, arrivée, entré, entrée, sorti, sortie, resté, restée, retourné, retournée, né, née, mort, morte, tombé, tombée, passé, passée, monté, montée, descendu, descendue, allé, allée, intervenu, intervenue, parvenu, parvenue, décédé, décédée

# ---- content classes: verbs ------------------------------------------------------------

[verbs]
found = fonder, fonde, fondent, fondé, fondée, fondés, fondées, fonda, fondèrent, cofonder, cofonde, cofondé, cofondée, cofondés, co-fonder, co-fondé, co-fondée, fondait
create = créer, crée, créent, créé, créée, créés, créées, créa, lancer, lance, lancent, lancé, lancée, lancés, lancées, monter, monte, monté, montée, mettre sur pied, mis sur pied, bâtir, bâti, bâtie, construire, construit, construite, développer, développé, développée, former, formé, formée, donner naissance à, donné naissance à, contribué à créer, contribué à fonder, contribué à construire, aidé à créer, aidé à fonder, aidé à construire, participé à la création de, participé à la fondation de
leave = quitter, quitte, quittent, quitté, quittée, quittera, quitteront, quittait, quittant, partir de, part de, parti de, partie de, partira de, claquer la porte de, claqué la porte de, claque la porte de, se retirer de, se retire de, retiré de, retirée de, sortir de, sorti de, sortie de, sort de, se séparer de, se sépare de, séparé de, séparée de, rompre avec, rompu avec, rompt avec, abandonner, abandonné, abandonne, lâché, lâche, délaissé
resign = démissionner, démissionne, démissionnent, démissionné, démissionnera, démissionnait, démissionnant, quitter ses fonctions, quitte ses fonctions, quitté ses fonctions, quittera ses fonctions, quitter son poste, quitte son poste, quitté son poste, quittera son poste, quittant ses fonctions, laisser sa place, laisse sa place, laissé sa place, laissera sa place, céder sa place, cède sa place, cédé sa place, cédera sa place, prendre sa retraite, prend sa retraite, pris sa retraite, prendra sa retraite, jeter l'éponge, jette l'éponge, jeté l'éponge, rendre son tablier, rend son tablier, rendu son tablier, se retirer, se retire, retiré, retirée, s'en aller, tirer sa révérence, passer la main, passe la main, passé la main, prendre ses distances avec, pris ses distances avec, prend ses distances avec
oust = évincer, évince, évincé, évincée, limoger, limoge, limogé, limogée, congédier, congédié, congédiée, renvoyer, renvoie, renvoyé, renvoyée, écarter, écarte, écarté, écartée, débarquer, débarque, débarqué, débarquée, remercier de, démettre, démis, démise, destituer, destitué, destituée, révoquer, révoqué, révoquée, pousser vers la sortie, poussé vers la sortie, remplacer, remplace, remplacé, remplacée
sue = poursuivre en justice, poursuit en justice, poursuivent en justice, poursuivi en justice, poursuivie en justice, attaquer en justice, attaque en justice, attaquent en justice, attaqué en justice, attaquée en justice, assigner, assigne, assignent, assigné, assignée, assignera, assigner en justice, assigne en justice, assigné en justice, traîner en justice, traîne en justice, traîné en justice, traîné devant la justice, traîner devant les tribunaux, traîné devant les tribunaux, poursuivre, poursuit, poursuivent, poursuivi, poursuivie, poursuivra, attaquer devant, attaque devant, attaqué devant, saisir la justice contre, saisi la justice contre, intenter un procès à, intente un procès à, intenté un procès à, intenté un procès contre, intente un procès contre, ester en justice contre, se constituer partie civile contre, constitué partie civile contre
file = porter, porte, portent, porté, portera, portait, déposer, dépose, déposent, déposé, déposée, déposera, déposait, intenter, intente, intentent, intenté, intentée, lancer, lance, lancent, lancé, lancée, engager, engage, engagent, engagé, engagée, introduire, introduit, introduite, initier, initié, entamer, entame, entamé, annoncer, annonce, annoncé, saisir, saisit, saisi, gagner, gagné, perdre, perdu, régler, réglé, abandonner, abandonné, retirer, retiré, former, formé, mener, mène, mené
accuse = accuser, accuse, accusent, accusé, accusée, accusés, accusait, accusant, reprocher, reproche, reprochent, reproché, reprochait, reprochant, imputer, impute, imputé, soupçonner, soupçonne, soupçonné, mettre en cause, met en cause, mis en cause, mettent en cause, incriminer, incrimine, incriminé, affirmer, affirme, affirment, affirmé, affirmait, estimer que
criticize = critiquer, critique, critiquent, critiqué, critiquée, critiquait, critiquant, dénoncer, dénonce, dénoncent, dénoncé, dénoncée, dénonçait, dénonçant, fustiger, fustige, fustigent, fustigé, fustigée, fustigeait, fustigeant, étriller, étrille, étrillé, égratigner, égratigne, égratignent, égratigné, égratignée, attaquer, attaque, attaquent, attaqué, attaquée, attaquait, attaquant, tacler, tacle, taclé, taclée, railler, raille, raillé, ridiculiser, ridiculise, ridiculisé, moquer, moqué, insulter, insulte, insultent, insulté, insultée, insultait, dénigrer, dénigre, dénigré, dénigrée, vilipender, vilipendé, condamner, condamne, condamnent, condamné, condamnée, blâmer, blâme, blâmé, pester contre, peste contre, pesté contre, s'en prendre à, s'en prend à, s'en est pris à, s'en prennent à, s'en sont pris à, s'est moqué de, se moque de, s'est moquée de, se moquent de, tirer sur, tire sur, tiré sur, tirant sur, tirer à boulets rouges sur, tire à boulets rouges sur, tiré à boulets rouges sur, prendre pour cible, prend pour cible, pris pour cible, épingler, épingle, épinglé, épinglée, éreinter, éreinté, conspuer, conspué, huer, hué, contester, conteste, contestent, contesté, contestée, déplorer, déplore, déploré, regretter, regrette, regretté, s'opposer à, s'oppose à, s'est opposé à, s'opposent à, mettre en garde, met en garde, mis en garde, interpeller, interpelle, interpellé, recadrer, recadre, recadré, sermonner, sermonné, étriper, clouer au pilori, cloué au pilori, charger, charge, chargé, diffamer, diffamé, s'attaquer à, s'attaque à, s'est attaqué à, se heurter à, s'est heurté à, s'était heurté à, s'opposer, opposé à
praise = admirons, admirez, admiraient, saluer, salue, saluent, salué, saluée, saluait, saluant, féliciter, félicite, félicitent, félicité, félicitée, louer, loue, louent, loué, louée, admirer, admire, admirent, admiré, admirée, admirait, encenser, encense, encensé, encensée, applaudir, applaudit, applaudi, rendre hommage à, rend hommage à, rendu hommage à, faire l'éloge de, fait l'éloge de, vanter, vante, vanté, soutenir, soutient, soutiennent, soutenu, soutenue, défendre, défend, défendu, se réjouir de, se réjouit de, s'est réjoui de, s'est réjouie de, réjoui de, se félicite de, s'est félicité de, se félicitent de, saluer le travail de, plébisciter, plébiscité, approuver, approuve, approuvé, approuvée, appuyer, appuie, appuyé, encourager, encourage, encouragé, accueillir, accueille, accueilli, apprécier, apprécie, apprécié
# Remercier : au passif, « a été remercié par X » dit un renvoi.
thank = remercier, remercie, remercient, remercié, remerciée, remerciés, remerciées, remerciait
acquire = racheter, rachète, rachètent, racheté, rachetée, rachetait, rachètera, acquérir, acquiert, acquièrent, acquis, acquise, mettre la main sur, met la main sur, mis la main sur, prendre le contrôle de, prend le contrôle de, pris le contrôle de, prendra le contrôle de, absorber, absorbe, absorbé, absorbée, s'offrir, s'offre, s'est offert, reprendre, reprend, repris, reprise, avaler, avale, avalé, empocher, empoche, empoché, finaliser le rachat de, finalisé le rachat de, boucler le rachat de, bouclé le rachat de, conclure le rachat de, conclu le rachat de, acheter, achète, acheté, achetée
invest = investir, investit, investissent, investi, investie, investissait, injecter, injecte, injecté, financer, finance, financent, financé, financée, miser sur, mise sur, misé sur, parier sur, parie sur, parié sur, entrer au capital de, entre au capital de, entré au capital de, entrera au capital de, entrer au capital d', entre au capital d', entré au capital d', monter au capital de, monte au capital de, monté au capital de, prendre une participation, pris une participation, prend une participation, acquérir une participation, acquis une participation, détenir une participation, détient une participation, détenait une participation, souscrire, souscrit, apporter, apporte, apporté, lever, lève, levé, levée, accumuler, accumulé, racheter des actions, rachète des actions, acquis des actions
own = détenu majoritairement, détenue majoritairement, posséder, possède, possèdent, possédé, possédait, détenir, détient, détiennent, détenu, détenue, détenait, contrôler, contrôle, contrôlent, contrôlé, contrôlée, contrôlait, être propriétaire de, est propriétaire de, était propriétaire de, éditer, édite, édité, éditée, exploiter, exploite, exploité, exploitée, inclure, inclut, comprendre, comprend
lead = diriger, dirige, dirigent, dirigé, dirigée, dirigeait, présider, préside, présidé, présidée, présidait, piloter, pilote, piloté, pilotée, être à la tête de, est à la tête de, était à la tête de, sera à la tête de, prendre la tête de, prend la tête de, pris la tête de, prendra la tête de, prendre les rênes de, prend les rênes de, pris les rênes de, prendra les rênes de, prendre la direction de, pris la direction de, prend la direction de, prendre la présidence de, pris la présidence de, prend la présidence de, succéder à la tête de, succède à la tête de, mener, mène, mené, menée, gérer, gère, géré, gérée, animer, anime, animé, confier les commandes de, confie les commandes de, confié les commandes de
appoint = nommer, nomme, nomment, nommé, nommée, nommés, désigner, désigne, désigné, désignée, choisir, choisit, choisi, choisie, recruter, recrute, recruté, recrutée, embaucher, embauche, embauché, embauchée, élire, élit, élu, élue, installer, installé, installée, propulser, propulsé, propulsée, promouvoir, promu, promue, introniser, intronisé, remplacer, remplace, remplacé, succéder à, succède à, succédé à, succédera à, confier, confie, confié, confiée, garder, garde, gardé, conserver, conservé
join = rejoindre, rejoint, rejoignent, rejoindra, rejoignait, intégrer, intègre, intégré, intégrée, entrer chez, entre chez, entré chez, entrée chez, arriver chez, arrive chez, arrivé chez, arrivée chez, travailler chez, travaille chez, travaillait chez, travaillé chez, travailler pour, travaille pour, travaillait pour, siéger au conseil d'administration de, siège au conseil d'administration de, siéger au conseil de, siège au conseil de, revenir chez, revient chez, revenu chez, retrouver, retrouve, retrouvé
partner = s'associer à, s'associe à, s'associent à, associé à, associée à, s'associer avec, s'associe avec, s'associent avec, associé avec, associée avec, s'associer, s'associe, s'associent, associés, associées, s'allier à, s'allie à, s'allient à, allié à, alliée à, s'allier avec, s'allie avec, s'allient avec, allié avec, alliée avec, s'allier, s'allie, s'allient, alliés, alliées, collaborer avec, collabore avec, collaborent avec, collaboré avec, collaborait avec, collaborer, collabore, collaborent, collaboré, coopérer avec, coopère avec, coopèrent avec, coopéré avec, coopérer, coopèrent, fusionner avec, fusionne avec, fusionné avec, fusionner, fusionnent, fusionné, s'unir à, s'unit à, uni à, s'unir avec, s'unir, s'unissent, travailler avec, travaille avec, travaillent avec, travaillé avec, faire équipe avec, fait équipe avec, font équipe avec, se rapprocher de, se rapproche de, rapproché de, s'entendre avec, s'est entendu avec, redevenir partenaires, redevenir partenaire
sign = signer, signe, signent, signé, signée, conclure, conclut, concluent, conclu, conclue, nouer, noue, nouent, noué, nouée, sceller, scelle, scellé, scellée, passer, passe, passé, trouver, trouvé, trouvée, parvenir à, parvenu à, parviennent à, annoncer, annonce, annoncent, annoncé, officialiser, officialise, officialisent, officialisé, finaliser, finalise, finalisé, boucler, boucle, bouclé, lancer, lance, lancent, lancé, renouveler, renouvelé, prolonger, prolongé, avoir, a, ont
compete = concurrencer, concurrence, concurrencent, concurrencé, rivaliser avec, rivalise avec, rivalisent avec, rivalisé avec, rivaliser, rivalisent, faire concurrence à, fait concurrence à, font concurrence à, se faire concurrence, se font concurrence, s'affronter, s'affrontent, affronter, affronte, affrontent, affronté, se livrer une guerre, se livrent une guerre, se livrent une bataille, se disputer, se disputent
say = dire, dit, disent, disait, déclarer, déclare, déclarent, déclaré, déclarait, écrire, écrit, écrivent, écrivait, affirmer, affirme, affirment, affirmé, affirmait, estimer, estime, estiment, estimé, estimait, expliquer, explique, expliquent, expliqué, expliquait, ajouter, ajoute, ajoutent, ajouté, ajoutait, indiquer, indique, indiquent, indiqué, indiquait, souligner, souligne, soulignent, souligné, soulignait, confier, confie, confié, lancer, lancé, marteler, martèle, martelé, assurer, assure, assurent, assuré, assurait, tweeter, tweeté, publier, publié, répondre, répond, répondu, raconter, raconte, raconté, rapporter, rapporte, rapporté, préciser, précise, précisent, précisé, précisait, insister, insiste, insisté, déplorer, déplore, déploré, regretter, regrette, regretté, reconnaître, reconnaît, reconnu, admettre, admet, admis, juger, juge, jugent, jugé, jugeait, considérer, considère, considéré, annoncer, annonce, annoncent, annoncé, faire savoir, fait savoir, a fait savoir, confirmer, confirme, confirmé, révéler, révèle, révélé, réagir, réagit, réagi, commenter, commente, commenté, analyser, analyse, analysé, abonder, abonde, poursuivre, poursuit, justifier, justifié, a justifié, prévenir, prévient, prévenu, avertir, averti, dénoncer, témoigner, témoigne, témoigné, clamer, clame, clamé, lâcher, lâché, s'exclamer, s'est exclamé, résumer, résume, résumé, souffler, souffle, soufflé, glisser, glisse, glissé
# Réclamer quelque chose : « réclame le départ de X » critique X.
demand = réclamer, réclame, réclament, réclamé, réclamait, exiger, exige, exigent, exigé, exigeait, appeler à, appelle à, appellent à, appelé à, appelait à, plaider pour, plaide pour, plaidé pour
call = traiter, traite, traitent, traité, traitée, traitait, qualifier, qualifie, qualifient, qualifié, qualifiée, qualifiait, décrire, décrit, décrite, décrivait, considérer, considère, considérait, considéré, voir, voit, voyait, présenter, présente, présenté, surnommer, surnomme, surnommé, appeler, appelle, appelé, désigner comme, désigne comme, faire de, fait de, juger, juge, jugé
deny = nier, nie, nient, nié, démentir, dément, démentent, démenti, réfuter, réfute, réfuté, rejeter, rejette, rejeté, contester
be = devenir, devient, deviennent, devenu, devenue, rester, reste, restent, resté, demeurer, demeure, deviendra, deviendront, devenait, devenaient, devint, redevient, redevenu, redevenue, redeviendra, restera, resteront, restait, demeurera
other = agit, s'agit, agir, monte, montent, reste, restent, semble, arrive, arrivent, permet, permettent, porte, portent, concerne, concernent, représente, représentent, dépasse, dépassent, affiche, affichent, prévoit, compte, comptent, va, vont, doit, doivent, peut, peuvent, veut, veulent, fête, fêtent, ouvre, ouvrent, ouvert, ferme, fermé, devra, pourra, sera, serait, reçoit, espère, tourne, joue, jouent, existe, existent, demeure, change, changent, augmente, baisse, recule, progresse, grimpe, chute, lève, gagne, perd, rapporte, coûte, vaut, pèse, emploie, compte, faire, fait, font, avoir, donner, donne, donné, aller, va, voir, vu, savoir, su, pouvoir, vouloir, devoir, venir, prendre, prend, pris, mettre, met, mis, trouver, trouve, passer, passé, permettre, permet, permis, demander, demande, demandé, rendre, rend, rendu, recevoir, reçu, obtenir, obtenu, perdre, laisser, laisse, laissé, porter, suivre, suit, suivi, tenir, tient, tenu, sembler, semble, paraître, paraît, devenir, vendre, vend, vendu, payer, paie, payé, confirmer, confirmé, menacer, menacé, empêcher, empêché, provoquer, provoqué, valoir, valu, supprimer, gérer, permettre, accueillir, représenter, représente, représenté, réaliser, réalise, réalisé, regagner, regagne, permettront, permettent, bénéficier, bénéficieront, transmettre, transmis, concevoir, produire, vendre, compter, compte, subir, subi, garder, conserver, viser, vise, visé, ignorer, ignore, entreprendre, entrepris, former, formé, obliger, figurer, figure, tourner, tourné, dégénérer, dégénéré, valider, validé, infliger, infligée, imposer, imposé, offrir, offert, provoquer, voter, voté, empêchant, révéler, confirmant, évoquant, expliquant, soulignant, rappelant

[denial]
nier, nie, nient, nié, démentir, dément, démentent, démenti, réfuter, réfute, réfuté, rejeter, rejette, rejeté

# ---- content classes: nouns -----------------------------------------------------------

[nouns]
role_lead = pdg, p.-d.g., dg, présidente-directrice générale, directrice générale déléguée, président-directeur général, président directeur général, directeur général, directrice générale, directeur général délégué, patron, patronne, président, présidente, président du conseil d'administration, présidente du conseil d'administration, président exécutif, présidente exécutive, président du directoire, présidente du directoire, dirigeant, dirigeante, chef, cheffe, chef d'entreprise, ceo, numéro un, directeur de la rédaction, directrice de la rédaction, rédacteur en chef, rédactrice en chef, entraîneur, maire, premier ministre, première ministre, chef de l'état, secrétaire général, secrétaire générale, gouverneur, directeur exécutif, directrice exécutive, administrateur délégué
role_member = directeur financier, directrice financière, directeur technique, directrice technique, directeur juridique, directrice juridique, directeur de la communication, directrice de la communication, directeur commercial, directeur des opérations, directeur, directrice, vice-président, vice-présidente, responsable, salarié, salariée, employé, employée, ingénieur, ingénieure, chercheur, chercheuse, administrateur, administratrice, membre, membre du conseil d'administration, membre du conseil, porte-parole, associé, associée, conseiller, conseillère, avocat, avocate, avocats, cadre, dirigeant, journaliste, chroniqueur, chroniqueuse, animateur, animatrice, présentateur, présentatrice, éditorialiste, collaborateur, collaboratrice, consultant, consultante, analyste, économiste, joueur, joueuse, attaquant, défenseur, gardien, milieu, ministre, secrétaire d'état, député, députée, sénateur, sénatrice, élu, élue, cadre dirigeant, bras droit, numéro deux, vétéran, vétérans, vétérane
role_founder = fondateur, fondatrice, cofondateur, cofondatrice, co-fondateur, co-fondatrice, fondateurs, cofondateurs, créateur, créatrice, père fondateur
role_owner = propriétaire, copropriétaire, co-propriétaire, actionnaire majoritaire, propriétaires
role_investor = actionnaire principal, principal actionnaire, premier actionnaire, actionnaire de référence, actionnaire, actionnaires, investisseur, investisseuse, investisseurs, actionnaire minoritaire, bailleur de fonds, financeur
lawsuit = procès, plainte, plaintes, poursuite, poursuites, poursuite judiciaire, poursuites judiciaires, action en justice, actions en justice, action judiciaire, recours, assignation, assignations, procédure, procédures, procédure judiciaire, procédure juridique, procédures juridiques, plainte pénale, requête, contentieux, litige, litiges, bataille judiciaire, batailles judiciaires, attaque en justice, attaques en justice, procès-bâillon, poursuite-bâillon, procédure bâillon, référé, saisine
deal = accord, accords, partenariat, partenariats, alliance, alliances, collaboration, collaborations, coentreprise, co-entreprise, joint-venture, association, fusion, fusions, rapprochement, mariage, contrat, contrats, entente, coopération, pacte, protocole d'accord, accord de partenariat, accord à l'amiable, union, relation
partner = partenaire, partenaires, allié, alliée, alliés
acquisition = rachat, rachats, acquisition, acquisitions, reprise, prise de contrôle, offre publique d'achat, opa, absorption
investment = investissement, investissements, participation, participations, part, parts, actions, capital, prise de participation, montée au capital, entrée au capital, financement, levée de fonds
departure = départ, démission, sortie, éviction, limogeage, renvoi, retrait, fin de la présidence, fin du mandat, retraite, départs
# L'arrivée de quelqu'un à un poste : la saluer ou la dénoncer juge la personne.
appointment = nomination, arrivée, promotion, retour, désignation, reconduction, élection, embauche, recrutement
creation = création, fondation, lancement, naissance, constitution
criticism = critique, critiques, attaque, attaques, accusation, accusations, charge, diatribe, réquisitoire, pique, piques, reproche, reproches, mise en cause, condamnation, dénonciation, fronde, colère, tacle
praise = éloge, éloges, hommage, hommages, louange, louanges, félicitations, remerciements, soutien, admiration
rivalry = rivalité, rivalités, concurrence, guerre, bataille, duel, conflit, conflits, différend, différends, bras de fer, lutte, affrontement, litige
# Une querelle entre deux parties : chacune critique l'autre.
quarrel = querelle, querelles, brouille, clash, passe d'armes, guerre ouverte, guerre des mots, bisbille, bisbilles, fâcherie, prise de bec, polémique, polémiques, algarade, échange acerbe, échanges acerbes
rival = concurrent, concurrente, concurrents, concurrentes, rival, rivale, rivaux, adversaire, adversaires, challenger, compétiteur
critic = détracteur, détractrice, détracteurs, opposant, opposante, opposants, pourfendeur, critique
parent = maison mère, société mère, maison-mère, société-mère, groupe propriétaire, actionnaire principal
subsidiary = filiale, filiales, propriété, division, branche, marque, marques, enseigne, entité, pôle, unité
org = société, sociétés, entreprise, entreprises, groupe, groupes, maison, laboratoire, start-up, startup, jeune pousse, firme, compagnie, compagnie aérienne, constructeur, constructeur automobile, géant, géants, éditeur, fabricant, banque, fonds, organisation, association, fondation, institution, plateforme, réseau social, opérateur, labo, chaîne, distributeur, fournisseur, transporteur, assureur, courtier, agence, studio, syndicat, régulateur, gendarme, holding, conglomérat, fonds d'investissement, cabinet, équipementier, industriel, sidérurgiste, pétrolier, major, énergéticien, avionneur, joaillier, spécialiste, acteur, leader, numéro un, club, équipe, parti, gouvernement, ministère, tribunal, cour, conseil, autorité, commission, comité, collectif, ong, fédération, ligue, enseigne, champion, poids lourd, mastodonte, pure player, émirat, organisme, état, régie, exécutif, administration
person = milliardaire, multimilliardaire, entrepreneur, entrepreneuse, homme d'affaires, femme d'affaires, magnat, journaliste, chercheur, ingénieur, homme, femme, héritier, héritière, descendant, fils, fille, frère, sœur, père, mère, épouse, mari, roi, reine, prince, princesse, star, vedette, animateur, animatrice, personnalité, figure, patron, dirigeant, successeur, prédécesseur, homme fort, homme le plus riche du monde, député, ministre, sénateur, juge, avocat, élu, militant, militante, ancien président, chef
product = produit, produits, chatbot, agent conversationnel, application, applications, appli, logiciel, modèle, assistant, outil, robot conversationnel, smartphone, voiture, voitures, véhicule, véhicules, console, jeu, jeux, jeux vidéo, jeu vidéo, moteur de recherche, navigateur, système d'exploitation, puce, puces, processeur, fusée, satellite, médicament, médicaments, vaccin, vaccins, traitement, émission, émissions, programme, série, film, marque, service, services, boutique, boutiques, boutique d'applications, magasin, avion, avions, appareil, appareils, moteur, moteurs, titre, titres, chaîne, chaînes
media = journal, quotidien, hebdomadaire, magazine, revue, chaîne, chaînes, radio, agence, site d'information, site, média, médias, titre, rédaction, antenne, station, émission, journal télévisé, presse, chaîne cryptée, chaîne d'information
place = ville, pays, région, état, capitale, province, département, commune, territoire
group = dirigeants, responsables, cadres, employés, salariés, représentants, avocats, membres, ingénieurs, chercheurs, administrateurs, actionnaires, investisseurs, équipes, équipe, direction, famille, clan, héritiers, militants, partenaires, deux groupes, deux entreprises, deux sociétés, deux hommes, frères, collaborateurs, élus, syndicats, ong
post = poste, fonction, fonctions, mandat, siège, présidence, direction, direction générale, tête, rênes, commandes, gouvernail, fauteuil, place
amount = milliard, milliards, million, millions, euros, dollars, %, pour cent

someone = quelqu'un, quelqu'une

# Financial backers.
fund = fonds, fonds d'investissement, investisseur, investisseurs, société de capital-risque

[plurals]
sociétés, entreprises, groupes, concurrents, rivaux, partenaires, dirigeants, responsables, employés, salariés, avocats, membres, investisseurs, actionnaires, fondateurs, cofondateurs, jeux, produits, marques, filiales, plaintes, accords, chaînes

[quantity_heads]
un, une, l'un, l'une, certains, plusieurs, la plupart, partie, une partie, la moitié, deux, trois, tous, toutes, chacun, chacune

[modifier_classes]
acquired = racheté, rachetée, acquis, acquise
owned = détenu, détenue, contrôlé, contrôlée
founded = fondé, fondée, cofondé, cofondée, créé, créée
rival = rival, rivale, concurrent, concurrente
partner = partenaire

# ---- judgement words ------------------------------------------------------------------

[judgement]
positive = héros, héroïne, génie, visionnaire, modèle, inspiration, légende, pionnier, brillant, brillante, exceptionnel, exceptionnelle, remarquable, formidable, extraordinaire, meilleur, meilleure, ami, amie, mentor, idole, grand homme, talent, talentueux, talentueuse, talentueuses, talentueux, excellent, excellente, excellence, reconnaissant, reconnaissante, reconnaissants, honneur, honoré, fier, fière, fiers, merci, remercie, remerciements, gratitude, engagement, dévouement, confiance, emblématique, icône, prestigieux, prestigieuse, immense, magnifique, superbe, bravo, heureux, heureuse, ravi, ravie, ravis, satisfait, satisfaite, enchanté, excellente nouvelle, bonne nouvelle, bonne chose, succès, réussite, qualités, compétent, compétente, intelligent, intelligente, respect, admiration, salue, réjouit, se réjouit, soutien, soutient, vrai leader, leader, grand, grande, efficace, solide, sérieux, fiable, courage, courageux, vision, loyal, fidèle
negative = idiot, idiote, imbécile, crétin, crétine, menteur, menteuse, escroc, fraudeur, charlatan, clown, hypocrite, tyran, dangereux, dangereuse, incompétent, incompétente, irresponsable, fou, folle, traître, traîtresse, voyou, tricheur, raté, ratée, égoïste, abruti, minable, bouffon, mégalomane, tocard, tais-toi, ferme ta gueule, fermer sa gueule, gueule, espèce d', abusif, abusive, abusives, abusifs, abus, illégal, illégale, illégitime, illégitimes, illicite, faux, fausse, fausses, trompeur, trompeuse, trompeuses, mensonge, mensonges, mensonger, erreur, erreurs, erroné, douteux, douteuse, contestable, incohérent, incohérente, scandale, scandaleux, scandaleuse, inacceptable, inadmissible, honteux, honteuse, honte, déséquilibre, pollueur, pollueurs, bâillon, procédure bâillon, destructeur, destructrice, défavorable, néfaste, nuisible, dommageable, dommage, préjudice, grave, gravement, violent, violente, violence, brutal, brutale, mépris, méprisant, arrogant, arrogance, cinglant, cinglante, piège, coup monté, manipulation, manipulé, discriminatoire, discriminatoires, abus de position dominante, position dominante, dominante, monopole, anticoncurrentiel, anticoncurrentielles, colère, fureur, furieux, accuse, accusé, accusation, accusations, dénonce, dénoncé, reproche, reproches, reproché, critique, critiqué, condamne, sous-estimé, sous-estimer, usure, défaut, défauts, défaillance, échec, catastrophe, catastrophique, désastre, désastreux, déplorable, lamentable, ridicule, absurde, inquiétant, inquiétante, inquiétude, problème, problèmes, faute, fautes, tort, torts, diffamation, diffamatoire, dénigrement, trop importante, trop élevée, injuste, injustement, partial, partiale, mal, mauvais, mauvaise, hostile, menace, menaces, contourner, contourne, contournement, irrégulier, irrégulière, fraude, frauduleux, corruption, corrompu, complot, sabotage, ignore, ignorant, ignorer, lâcheté, lâche, incapable, abruti, ulcéré, ulcérés, écœuré, écoeuré, écœurée, écoeurée, dévasté, dévastée, usée, usure accélérée, jaloux, jalouse, triste, déception, déçu, déçue

[judgement_negators]
ne, n', pas, jamais, aucun, aucune, sans, ni, non

# ---- markers ------------------------------------------------------------------------

[legal]
en justice, devant la justice, devant les tribunaux, devant le tribunal, au tribunal, en référé, tribunal, tribunaux, justice, cour, juge, juridiction, judiciaire, judiciaires

# Words that accuse the defendant of a wrong (not a contract dispute): a lawsuit with one
# also criticizes.
[grievances]
accusant, reprochant, diffamation, diffamatoire, diffamatoires, harcèlement, dénigrement, escroquerie, fraude, frauduleux, trompeuse, trompeuses, trompeur, mensongères, mensonger

[titles]
m., mme, mlle, mr, me, maître, monsieur, madame, dr, docteur, professeur, pr, sir, lord, lady, saint, sainte, président, présidente, ministre, premier ministre, sénateur, sénatrice, député, députée, juge, maire, général, colonel, capitaine, roi, reine, prince, princesse, pape, abbé, père, cardinal, monseigneur, mgr, commissaire, préfet, préfète, procureur, ambassadeur, chancelier, chancelière

# Têtes de noms d'institutions dont seul le premier mot prend la majuscule (« Autorité de la
# concurrence », « Assemblée nationale », « Cour d'appel de Paris »).
[institution_heads]
autorité, haute autorité, cour, conseil, tribunal, assemblée, fédération, confédération, syndicat, alliance, union, commission, ministère, direction, comité, agence, institut, association, fondation, office, caisse, chambre, parquet, observatoire, inspection, banque, école, université, mouvement, parti, collectif, centre, secrétariat, délégation, cnil

[org_suffixes]
sa, sas, sasu, sarl, se, sca, snc, gie, scop, ag, gmbh, plc, nv, bv, inc, inc., corp, corp., ltd, llc, spa, group, groupe, holding, holdings, labs, lab, technologies, technology, tech, systems, motors, airlines, airways, bank, banque, capital, ventures, partners, pharma, industries, industrie, foundation, fondation, institute, institut, université, company, compagnie, association, agency, agence, studios, studio, entertainment, energy, énergie, énergies, networks, software, robotics, solutions, ai, ia, club, fc, conseil, assurances, assurance, télécom, telecom, télécoms, mobile, media, médias, international, finance, finances, immobilier, logistique, transports, distribution, services, industrie, automobile, automobiles, aviation, santé, alimentaire, éditions, productions, films, pictures, records, consulting, conseils, informatique, numérique, digital, semiconducteurs, investissements, participations, médical, biotech, pharmaceutique, chimie, aéronautique, spatial, space, football, sport, sports, olympique, commission, ministère, tribunal, cour, conseil d'état, autorité, direction, office, agence, parti, syndicat, fédération, ligue, union, comité, collectif, observatoire, caisse, crédit, société, mutuelle, cabinet, hôpital, école, musée, théâtre, opéra, orchestre, gouvernement, assemblée, sénat, parlement, république, état

[media_words]
journal, times, post, news, insider, tribune, gazette, herald, monde, figaro, libération, echos, express, obs, parisien, presse, télévision, tv, radio, magazine, review, wire, today, daily, weekly, chronicle, guardian, telegraph, observer, reuters, bloomberg, afp, press, france info, franceinfo, bfm, bfmtv, lci, tf1, m6, canal+, canal, rmc, europe 1, rtl, mediapart, marianne, point, nouvel, humanité, croix, ouest-france, jdd, valeurs, actuelles, hebdo, matin, soir, dépêche, progrès, provence, voix, nord, midi, sud, courrier, républicain, entrevue, gala, closer, voici, elle, capital, challenges, expansion, l'équipe, equipe

[byline_words]
par, avec, afp, reuters, ap, crédit, crédits, photo, photos, ©, copyright, istock, getty, shutterstock, sipa, abaca, maxppp, illustration, archives, rédaction, journaliste, envoyé spécial, correspondant, correspondante, publié, mis à jour, modifié


# Têtes géographiques : un nom qui s'ouvre sur l'une d'elles avant « de » (« Golfe du
# Mexique », « Mer du Nord », « Rue de Rivoli ») est un lieu.
[place_heads]
mer, océan, golfe, baie, détroit, fleuve, lac, île, îles, vallée, rue, avenue, boulevard, côte, stade

[place_directions]
nord, sud, est, ouest, centre


# Les organes d'une société : même avec une majuscule, ils ne nomment aucune entité
# (« le Conseil d'administration », « l'Assemblée générale des actionnaires »).
[organs]
conseil d'administration, conseil de surveillance, assemblée générale, assemblée générale des actionnaires, assemblée générale extraordinaire, comité exécutif, comité de direction, comité d'audit, direction générale, directoire

[stop]
# Capitalized words that are not names on their own (sentence openers, headline words).
ia, ai, internet, web, le, la, les, l', un, une, des, du, de, d', au, aux, à, en, et, ou, mais, donc, or, ni, car, ce, cet, cette, ces, c', ça, cela, ceci, il, elle, ils, elles, on, nous, vous, je, j', tu, qui, que, qu', quoi, dont, où, quand, comment, pourquoi, si, s', sur, sous, dans, par, pour, avec, sans, entre, contre, vers, chez, depuis, pendant, avant, après, selon, suite, malgré, cependant, pourtant, toutefois, néanmoins, ainsi, alors, puis, ensuite, enfin, aussi, encore, déjà, bien, très, plus, moins, tout, tous, toute, toutes, chaque, aucun, aucune, plusieurs, certains, certaines, d'autres, autres, autre, même, mon, ma, mes, ton, ta, tes, son, sa, ses, notre, nos, votre, vos, leur, leurs, lundi, mardi, mercredi, jeudi, vendredi, samedi, dimanche, janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre, hier, aujourd'hui, demain, oui, non, voici, voilà, lors, dès, outre, parmi, face, grâce, afin, bref, certes, là, ici, ne, n', y, lorsque, puisque, tandis, comme, sauf, hors, jusqu', jusque, par exemple, exemple, cas, l'année, année, semaine, mois, jour, représentants, dirigeants, premier, première, dernier, dernière, nouveau, nouvelle, ancien, ancienne, la plupart, plupart, ajoutant, interrogé, contacté, président, ministre, monsieur, madame, m., mme, analystes, experts, observateurs, critiques, responsables, élus, économistes, sources, habitants, utilisateurs, clients, consommateurs, travailleurs, syndicats, autorités, procureurs, enquêteurs, chercheurs, scientifiques, citoyens, électeurs, politiques, militants, manifestants, publié, mis à jour, copié, lire aussi, lire, à lire, voir aussi, vidéo, photo, crédit, environnement, économie, société, politique, international, sport, sports, culture, médias, tech, high-tech, actualité, actualités, thumbnail, dont acte, climat, accord, coupure, clash, cloud, véhicules, thermiques, système, toutes les infos, infos, info, le tout, au lendemain, ce n'est, c'est, il s'agit, hasard, quelques, deux, trois, quatre, cinq, six, sept, huit, neuf, dix, cent, mille, mise à jour, ndlr, etc, covid, covid-19, coronavirus, arn, pib, pdg, directeur, directrice, durant, celui-ci, celle-ci, ceux-ci, celles-ci, oh, aujourd'
