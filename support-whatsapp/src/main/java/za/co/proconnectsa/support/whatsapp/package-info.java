/** WhatsApp for the support desk: links, webhooks, the Cloud API client, automation and escalation. */
package za.co.proconnectsa.support.whatsapp;
